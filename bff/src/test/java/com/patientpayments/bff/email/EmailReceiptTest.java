package com.patientpayments.bff.email;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.LAST_NAME;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patientpayments.bff.demo.SesStandIn;
import com.patientpayments.bff.receipt.LedgerFixture;
import com.patientpayments.bff.testsupport.BffTestProperties;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * emailReceipt end to end: the real SES v2 SDK sends a raw MIME message to the in-process SES stand-in; the test reads
 * the stand-in's {@code GET /store} like the demo's {@code mail=} link and parses the attached PDF. Also: address
 * validation, the per-session rate limit, and retries that never send one request twice.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailReceiptTest implements BffTestProperties {

    static final String SIGN_IN = "mutation($h: ID!, $a: String!, $l: String!) { signIn(practiceHash: $h, "
            + "accountNumber: $a, lastName: $l) { ok } }";
    static final String EMAIL = "mutation($id: ID!, $e: String!) { emailReceipt(txId: $id, email: $e) { queued } }";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    SesStandIn ses;

    @Inject
    MeterRegistry registry;

    private String txId;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of(
                "micronaut.server.port", "-1",
                "payments.email.ses-endpoint", "",
                "payments.email.retry-backoff", "20ms");
    }

    @BeforeAll
    void pay() {
        txId = LedgerFixture.pay(PRACTICE, ACCOUNT, LAST_NAME, 1_250);
    }

    /** Asks {@code client}'s session to email the receipt of {@code txId} to {@code to}: whether it was queued. */
    private boolean queued(GraphQLTestClient client, String to) {
        return client.execute(EMAIL, "id", txId, "e", to)
                .data()
                .at("/emailReceipt/queued")
                .asBoolean();
    }

    GraphQLTestClient signedIn() {
        return BffTestSupport.signedIn(server.getURL(), PRACTICE, ACCOUNT, LAST_NAME);
    }

    @Test
    void theReceiptArrivesWithAShortBodyAndThePdfAttached() throws Exception {
        String to = "maria+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        GraphQLTestClient.Result r = signedIn().execute(EMAIL, "id", txId, "e", to);
        assertThat(r.data().at("/emailReceipt/queued").asBoolean()).as(r.raw()).isTrue();

        JsonNode message = awaitMessagesTo(to, 1).get(0);
        assertThat(message.path("from").asText()).isEqualTo("receipts@patientpayments.example");
        assertThat(message.path("subject").asText()).isEqualTo("Your payment receipt from Bright Smiles Dental");
        String text = message.path("text").asText();
        assertThat(text).contains("Bright Smiles Dental", "$12.50", "VISA \u2022\u2022\u2022\u20224242");
        assertThat(message.path("html").asText()).contains("Bright Smiles Dental", "$12.50");
        JsonNode receipt = LedgerFixture.receiptData(txId);
        for (JsonNode line : receipt.path("lines")) {
            assertThat(text + message.path("html").asText())
                    .doesNotContain(line.path("procedureName").asText());
        }
        JsonNode attachment = message.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.path("filename").asText()).matches("receipt-[A-Z0-9]{8}\\.pdf");
        try (PDDocument pdf = Loader.loadPDF(
                Base64.getDecoder().decode(attachment.path("content").asText()))) {
            String pdfText = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(pdfText)
                    .contains(
                            txId,
                            "$12.50",
                            "Maria García",
                            "Itemized receipt for HSA/FSA",
                            receipt.path("lines").get(0).path("procedureName").asText());
        }
        assertThat(registry.timer("email.send").count()).isPositive();
    }

    @Test
    void sesFailuresAreRetriedAndTheMessageIsSentExactlyOnce() throws Exception {
        String to = "retry+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        double retriedBefore =
                registry.counter("receipt.emails", "outcome", "retried").count();
        ses.failNext(2);
        signedIn().execute(EMAIL, "id", txId, "e", to);
        awaitMessagesTo(to, 1);
        Thread.sleep(500); // a duplicate would arrive within the retry back-off (20-80 ms)
        assertThat(messagesTo(to)).hasSize(1);
        assertThat(registry.counter("receipt.emails", "outcome", "retried").count() - retriedBefore)
                .isEqualTo(2);
    }

    @Test
    void anSesThatKeepsFailingIsTriedMaxAttemptsTimesThenGivenUp() throws Exception {
        String to = "down+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        double retriedBefore =
                registry.counter("receipt.emails", "outcome", "retried").count();
        double failedBefore =
                registry.counter("receipt.emails", "outcome", "failed").count();
        // payments.email.max-attempts is 4: a fifth attempt would get through and deliver the message.
        ses.failNext(4);
        assertThat(queued(signedIn(), to)).isTrue();
        for (int i = 0;
                i < 100
                        && registry.counter("receipt.emails", "outcome", "failed")
                                        .count()
                                == failedBefore;
                i++) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // longer than a further back-off (160 ms) would be
        assertThat(registry.counter("receipt.emails", "outcome", "failed").count() - failedBefore)
                .isEqualTo(1);
        assertThat(registry.counter("receipt.emails", "outcome", "retried").count() - retriedBefore)
                .isEqualTo(3);
        assertThat(messagesTo(to)).isEmpty();
    }

    @Test
    void anInvalidAddressIsRejectedAndNothingIsSent() {
        GraphQLTestClient c = signedIn();
        for (String bad : List.of(
                "",
                "maria",
                "maria@",
                "maria@example",
                "a b@example.com",
                "maria@example.com\r\nBcc: x@example.com",
                "x".repeat(250) + "@example.com")) {
            GraphQLTestClient.Result r = c.execute(EMAIL, "id", txId, "e", bad);
            assertThat(r.errorCode()).as(bad).isEqualTo("BAD_USER_INPUT");
            assertThat(r.errors().get(0).path("message").asText()).contains("valid email address");
        }
    }

    @Test
    void aSessionMayEmailFiveTimesAnHour() {
        GraphQLTestClient c = signedIn();
        String to = "limit+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        for (int i = 0; i < 5; i++) {
            assertThat(queued(c, to)).isTrue();
        }
        GraphQLTestClient.Result sixth = c.execute(EMAIL, "id", txId, "e", to);
        assertThat(sixth.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(sixth.errors().get(0).path("extensions").path("retryable").asBoolean())
                .isTrue();
        // Another session is not affected.
        assertThat(queued(signedIn(), to)).isTrue();
    }

    @Test
    void signingInAgainDoesNotLiftTheHouseholdLimit() {
        // A household no other test of this class uses, so their emails do not count here.
        String tx = LedgerFixture.pay("QX7TMD", "300001", "Lindqvist", 300);
        String to = "household+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        int perHousehold = EmailReceiptService.HOUSEHOLD_FACTOR * 5;
        int sent = 0;
        GraphQLTestClient.Result last = null;
        for (int session = 0; session < EmailReceiptService.HOUSEHOLD_FACTOR + 1; session++) {
            GraphQLTestClient c = new GraphQLTestClient(server.getURL());
            assertThat(c.execute(SIGN_IN, "h", "QX7TMD", "a", "300001", "l", "Lindqvist")
                            .data()
                            .at("/signIn/ok")
                            .asBoolean())
                    .isTrue();
            for (int i = 0; i < 5; i++) {
                last = c.execute(EMAIL, "id", tx, "e", to);
                if (last.errorCode() == null) {
                    sent++;
                }
            }
        }
        assertThat(sent).isEqualTo(perHousehold);
        assertThat(last.errorCode()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void anotherHouseholdCannotEmailThisReceipt() {
        GraphQLTestClient ana = new GraphQLTestClient(server.getURL());
        ana.execute(SIGN_IN, "h", "HR9T3W", "a", "200100", "l", "Nguyen-Smith");
        assertThat(ana.execute(EMAIL, "id", txId, "e", "ana@example.com").errorCode())
                .isEqualTo("NOT_FOUND");
        assertThat(new GraphQLTestClient(server.getURL())
                        .execute(EMAIL, "id", txId, "e", "x@example.com")
                        .errorCode())
                .isEqualTo("UNAUTHENTICATED");
    }

    private List<JsonNode> awaitMessagesTo(String to, int count) throws Exception {
        for (int i = 0; i < 300; i++) {
            List<JsonNode> found = messagesTo(to);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no email to the test address reached the SES stand-in");
    }

    /** Reads the stand-in's inbox over HTTP, as the demo's mail= link does. */
    private List<JsonNode> messagesTo(String to) throws Exception {
        String inbox = ses.inboxUrl();
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(inbox)).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode m : JSON.readTree(r.body()).path("emails")) {
            if (m.path("to").toString().contains(to)) {
                found.add(m);
            }
        }
        return found;
    }
}

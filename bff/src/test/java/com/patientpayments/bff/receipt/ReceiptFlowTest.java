package com.patientpayments.bff.receipt;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.LAST_NAME;
import static com.patientpayments.bff.testsupport.BffTestSupport.OTHER_PRACTICE;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.testsupport.BffTestProperties;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Receipts end to end against the real connector and Redis: the GraphQL receipt of the signed-in household (from the
 * Redis payload, rebuilt from the connector when lost), another household's receipt answering like an unknown one,
 * one-time PDF links served without the cookie, and buildAndCache for the payments flow.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiptFlowTest implements BffTestProperties {

    static final String SIGN_IN = "mutation($h: ID!, $a: String!, $l: String!) { signIn(practiceHash: $h, "
            + "accountNumber: $a, lastName: $l) { ok } }";
    static final String RECEIPT = "query($id: ID!) { receipt(txId: $id) { txId providerReference paidAt timeZone "
            + "methodLabel guarantorName total { cents currency formatted } applied { cents } credit { cents } "
            + "practice { hash name phone address { formatted } timeZone } "
            + "lines { chargeId patientName serviceDate procedureName providerName chargeAmount { cents } "
            + "applied { cents } remaining { cents } } adjustments { kind amount { cents } at } } }";
    static final String DOWNLOAD = "mutation($id: ID!) { downloadReceipt(txId: $id) { url expiresAt } }";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    ReceiptCache cache;

    @Inject
    ReceiptService receipts;

    @Inject
    RedisStore redis;

    @Inject
    MeterRegistry registry;

    private String txId;

    @BeforeAll
    void postAPayment() {
        txId = LedgerFixture.pay(PRACTICE, ACCOUNT, LAST_NAME, 700);
    }

    GraphQLTestClient maria() {
        return BffTestSupport.signedIn(server.getURL(), PRACTICE, ACCOUNT, LAST_NAME);
    }

    @Test
    void theSignedInHouseholdSeesItsItemizedReceiptMatchingTheLedger() {
        JsonNode data = LedgerFixture.receiptData(txId);
        GraphQLTestClient.Result r = maria().execute(RECEIPT, "id", txId);
        JsonNode receipt = r.data().path("receipt");
        assertThat(r.hasErrors()).as(r.raw()).isFalse();
        assertThat(receipt.path("txId").asText()).isEqualTo(txId);
        assertThat(receipt.path("methodLabel").asText()).isEqualTo("VISA \u2022\u2022\u2022\u20224242");
        assertThat(receipt.at("/total/cents").asLong()).isEqualTo(700);
        assertThat(receipt.at("/total/formatted").asText()).isEqualTo("$7.00");
        assertThat(receipt.path("guarantorName").asText()).isEqualTo("Maria García");
        assertThat(receipt.path("timeZone").asText()).isEqualTo("America/Chicago");
        assertThat(receipt.path("paidAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-0[56]:00");
        assertThat(Instant.parse(data.at("/transaction/paidAt").asText())
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .isEqualTo(java.time.OffsetDateTime.parse(receipt.path("paidAt").asText())
                        .toInstant());
        assertThat(receipt.at("/practice/name").asText()).isEqualTo("Bright Smiles Dental");
        assertThat(receipt.path("lines").size())
                .isEqualTo(data.path("lines").size())
                .isPositive();
        long applied = 0;
        for (int i = 0; i < data.path("lines").size(); i++) {
            JsonNode expected = data.path("lines").get(i);
            JsonNode line = receipt.path("lines").get(i);
            assertThat(line.path("procedureName").asText())
                    .isEqualTo(expected.path("procedureName").asText());
            assertThat(line.path("patientName").asText())
                    .isEqualTo(expected.path("patientName").asText());
            assertThat(line.path("serviceDate").asText())
                    .isEqualTo(expected.path("serviceDate").asText());
            assertThat(line.at("/applied/cents").asLong())
                    .isEqualTo(expected.path("appliedCents").asLong());
            assertThat(line.at("/remaining/cents").asLong())
                    .isEqualTo(expected.path("remainingCents").asLong());
            applied += line.at("/applied/cents").asLong();
        }
        assertThat(applied + receipt.at("/credit/cents").asLong()).isEqualTo(700);
        assertThat(cache.get(txId)).as("payload cached in Redis").isPresent();
    }

    @Test
    void anotherHouseholdsTransactionAnswersExactlyLikeAnUnknownOne() {
        GraphQLTestClient ana = new GraphQLTestClient(server.getURL());
        ana.execute(SIGN_IN, "h", OTHER_PRACTICE, "a", "200100", "l", "Nguyen-Smith");
        GraphQLTestClient.Result others = ana.execute(RECEIPT, "id", txId);
        GraphQLTestClient.Result unknown =
                ana.execute(RECEIPT, "id", UUID.randomUUID().toString());
        assertThat(others.errorCode()).as(others.raw()).isEqualTo("NOT_FOUND");
        assertThat(others.errors().get(0).path("message"))
                .isEqualTo(unknown.errors().get(0).path("message"));
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(others.data().path("receipt").isNull()).isTrue();
        assertThat(ana.execute(DOWNLOAD, "id", txId).errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void withoutASessionTheReceiptIsRefused() {
        GraphQLTestClient anonymous = new GraphQLTestClient(server.getURL());
        assertThat(anonymous.execute(RECEIPT, "id", txId).errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.execute(DOWNLOAD, "id", txId).errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aLostCacheEntryIsRebuiltFromTheConnector() {
        GraphQLTestClient maria = maria();
        redis.delete("receipt:" + txId);
        assertThat(cache.get(txId)).isEmpty();
        GraphQLTestClient.Result r = maria.execute(RECEIPT, "id", txId);
        assertThat(r.data().at("/receipt/total/cents").asLong()).as(r.raw()).isEqualTo(700);
        assertThat(cache.get(txId)).isPresent();
    }

    @Test
    void buildAndCacheKeepsThePayloadForThirtyMinutes() {
        ReceiptView view = receipts.buildAndCache(txId);
        assertThat(view.totalCents()).isEqualTo(700);
        assertThat(cache.get(txId)).contains(view);
        assertThat(cache.ttlOf(txId)).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
    }

    @Test
    void theDownloadLinkServesThePdfOnceWithoutTheCookie() throws Exception {
        GraphQLTestClient.Result r = maria().execute(DOWNLOAD, "id", txId);
        String url = r.data().at("/downloadReceipt/url").asText();
        assertThat(url).as(r.raw()).matches("/receipts/download/[A-Za-z0-9_-]{43}");
        Instant expiresAt =
                Instant.parse(r.data().at("/downloadReceipt/expiresAt").asText());
        assertThat(expiresAt).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofMinutes(6)));

        HttpResponse<byte[]> first = get(url);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/pdf"));
        String shortRef = txId.replace("-", "").substring(0, 8).toUpperCase();
        assertThat(first.headers().firstValue("content-disposition"))
                .contains("attachment; filename=\"receipt-" + shortRef + ".pdf\"");
        try (PDDocument pdf = Loader.loadPDF(first.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(
                            txId,
                            "VISA \u2022\u2022\u2022\u20224242",
                            "$7.00",
                            "Maria García",
                            "Bright Smiles Dental",
                            "Itemized receipt for HSA/FSA");
        }

        HttpResponse<byte[]> second = get(url);
        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(new String(second.body())).contains("expired or was already used");
        assertThat(get("/receipts/download/not-a-token").statusCode()).isEqualTo(404);
        assertThat(registry.counter("receipt.downloads", "outcome", "served").count())
                .isPositive();
        assertThat(registry.timer("receipt.render").count()).isPositive();
    }

    @Test
    void theDownloadShowsALaterRefund() throws Exception {
        String refunded = LedgerFixture.pay(PRACTICE, ACCOUNT, LAST_NAME, 600);
        GraphQLTestClient maria = maria();
        maria.execute(RECEIPT, "id", refunded);
        LedgerFixture.refund(refunded, 250);
        String url = maria.execute(DOWNLOAD, "id", refunded)
                .data()
                .at("/downloadReceipt/url")
                .asText();
        try (PDDocument pdf = Loader.loadPDF(get(url).body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Later changes to this payment", "Refunded to your card: $2.50");
        }
    }

    static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(pathBase + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String pathBase;

    @BeforeAll
    void base() {
        pathBase = server.getURL().toString().replaceAll("/$", "");
    }
}

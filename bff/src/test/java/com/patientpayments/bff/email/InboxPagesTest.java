package com.patientpayments.bff.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patientpayments.bff.demo.InboxPages;
import com.patientpayments.bff.demo.SesStandIn;
import com.patientpayments.bff.receipt.ReceiptFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo inbox ({@code mail=}) over HTTP: a browser gets an HTML list linking each message, a readable page of it and
 * its PDF attachment; {@code Accept: application/json} (and a client that does not ask for HTML) gets the JSON the
 * scripts and tests read. What a message contains is escaped, never markup.
 */
class InboxPagesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static SesStandIn standIn;
    private static final byte[] PDF = "%PDF-1.4 stand-in bytes".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void start() throws Exception {
        standIn = new SesStandIn(io.micronaut.serde.ObjectMapper.getDefault(), 0);
        var composer = new ReceiptEmailComposer(new EmailSettings(
                "receipts@patientpayments.example",
                null,
                "us-east-1",
                0,
                null,
                5,
                4,
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofDays(1)));
        var view = ReceiptFixtures.receipt(1);
        byte[] mime = composer.compose(view, PDF, "maria@example.com", "es");
        String body = JSON.writeValueAsString(Map.of(
                "FromEmailAddress",
                "receipts@patientpayments.example",
                "Destination",
                Map.of("ToAddresses", java.util.List.of("maria@example.com")),
                "Content",
                Map.of("Raw", Map.of("Data", Base64.getEncoder().encodeToString(mime)))));
        HttpResponse<String> sent = HTTP.send(
                HttpRequest.newBuilder(URI.create(standIn.endpoint() + "/v2/email/outbound-emails"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    private static HttpResponse<byte[]> get(String url, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aBrowserGetsAnHtmlListLinkingTheMessageAndItsPdf() throws Exception {
        HttpResponse<byte[]> list = get(standIn.inboxUrl(), BROWSER);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
        String html = new String(list.body(), StandardCharsets.UTF_8);
        assertThat(html)
                .contains(
                        "<title>Demo inbox</title>",
                        "maria@example.com",
                        "Su recibo de pago de Bright Smiles Dental",
                        "receipt-3F9C2A71.pdf");

        Matcher message = Pattern.compile("href=\"(/store/[0-9a-f-]{36})\"").matcher(html);
        assertThat(message.find()).isTrue();
        String page =
                new String(get(standIn.endpoint() + message.group(1), BROWSER).body(), StandardCharsets.UTF_8);
        assertThat(page)
                .contains(
                        "<h1>Su recibo de pago de Bright Smiles Dental</h1>",
                        "Importe pagado",
                        "Gracias por su pago a Bright Smiles Dental.",
                        "HTML version");

        Matcher attachment =
                Pattern.compile("href=\"(/store/[0-9a-f-]{36}/attachments/0)\"").matcher(page);
        assertThat(attachment.find()).isTrue();
        HttpResponse<byte[]> pdf = get(standIn.endpoint() + attachment.group(1), BROWSER);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("content-type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("content-disposition").orElseThrow())
                .isEqualTo("inline; filename=\"receipt-3F9C2A71.pdf\"");
        assertThat(pdf.body()).isEqualTo(PDF);

        HttpResponse<byte[]> htmlBody = get(standIn.endpoint() + message.group(1) + "/html", BROWSER);
        assertThat(htmlBody.headers().firstValue("content-security-policy").orElseThrow())
                .contains("sandbox");
        assertThat(new String(htmlBody.body(), StandardCharsets.UTF_8)).contains("Importe pagado");
    }

    @Test
    void jsonForApplicationJsonAndForClientsThatDoNotAskForHtml() throws Exception {
        for (String accept : new String[] {"application/json", null, "*/*", "text/html, application/json"}) {
            HttpResponse<byte[]> r = get(standIn.inboxUrl(), accept);
            assertThat(r.headers().firstValue("content-type").orElseThrow())
                    .as(accept)
                    .startsWith("application/json");
            JsonNode emails = JSON.readTree(r.body()).path("emails");
            assertThat(emails.size()).as(accept).isEqualTo(1);
            assertThat(emails.get(0).path("subject").asText()).isEqualTo("Su recibo de pago de Bright Smiles Dental");
            assertThat(emails.get(0).at("/attachments/0/contentType").asText()).isEqualTo("application/pdf");
        }
    }

    @Test
    void unknownMessagesAndPartsAreNotFound() throws Exception {
        assertThat(get(standIn.inboxUrl() + "/nope", BROWSER).statusCode()).isEqualTo(404);
        String id = standIn.messages().get(0).get("messageId").toString();
        assertThat(get(standIn.inboxUrl() + "/" + id + "/attachments/7", BROWSER)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(standIn.inboxUrl() + "/" + id + "/attachments/x", BROWSER)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void messageContentIsEscaped() {
        String page = InboxPages.message(Map.of(
                "messageId",
                "m1",
                "subject",
                "<script>alert(1)</script>",
                "from",
                "a@b",
                "to",
                java.util.List.of("c@d"),
                "at",
                "now",
                "text",
                "<img src=x onerror=alert(1)>",
                "attachments",
                java.util.List.of()));
        assertThat(page).doesNotContain("<script>alert", "<img src=x").contains("&lt;script&gt;", "&lt;img src=x");
    }
}

package com.patientpayments.bff.receipt;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.LAST_NAME;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.demo.SesStandIn;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Receipts in the patient's language end to end (real connector, Redis, SES stand-in, PDFBox): the language given at
 * sign-in is remembered by the session and used by {@code downloadReceipt} and {@code emailReceipt}, which can also
 * be asked for another one; unknown languages are {@code BAD_USER_INPUT} naming the argument, on every field that
 * takes one. Also: {@code Receipt.balanceAfter} from the connector, printed in the PDF, and the practice's logo in it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiptLanguageTest implements TestPropertyProvider {

    static final String SIGN_IN = "mutation($h: ID!, $a: String!, $l: String!, $lc: String) { signIn(practiceHash: $h,"
            + " accountNumber: $a, lastName: $l, locale: $lc) { ok } }";
    static final String DOWNLOAD =
            "mutation($id: ID!, $lc: String) { downloadReceipt(txId: $id, locale: $lc) { url } }";
    static final String EMAIL = "mutation($id: ID!, $e: String!, $lc: String) { emailReceipt(txId: $id, email: $e,"
            + " locale: $lc) { queued } }";
    static final String RECEIPT =
            "query($id: ID!) { receipt(txId: $id) { balanceAfter { cents formatted }" + " practice { logoUrl } } }";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    SesStandIn ses;

    private String txId;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(BffTestSupport.properties(getClass()));
        p.put("payments.email.ses-endpoint", "");
        return p;
    }

    @BeforeAll
    void pay() {
        txId = LedgerFixture.pay(PRACTICE, ACCOUNT, LAST_NAME, 1_234);
    }

    GraphQLTestClient signedIn(String locale) {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        GraphQLTestClient.Result r = c.execute(SIGN_IN, "h", PRACTICE, "a", ACCOUNT, "l", LAST_NAME, "lc", locale);
        assertThat(r.data().at("/signIn/ok").asBoolean()).as(r.raw()).isTrue();
        return c;
    }

    @Test
    void aSpanishSessionGetsASpanishPdfUnlessItAsksForEnglish() throws Exception {
        GraphQLTestClient maria = signedIn("es");
        String spanish = pdfText(maria.execute(DOWNLOAD, "id", txId, "lc", null));
        assertThat(spanish)
                .contains(
                        "RECIBO",
                        "FECHA DE PAGO",
                        "MÉTODO DE PAGO",
                        "Pagado por: Maria García",
                        "Paciente:",
                        "Fecha del servicio",
                        "Total pagado hoy $12.34",
                        "Página 1 de 1",
                        "(hora ")
                .containsPattern("\\d{1,2} de [a-z]+ de 20\\d\\d")
                .doesNotContain("DATE OF PAYMENT", "Patient:", "Total paid today");
        String english = pdfText(maria.execute(DOWNLOAD, "id", txId, "lc", "en"));
        assertThat(english)
                .contains("RECEIPT", "DATE OF PAYMENT", "Paid by: Maria García", "Total paid today $12.34")
                .containsPattern("[A-Z][a-z]+ \\d{1,2}, 20\\d\\d")
                .doesNotContain("RECIBO");
    }

    @Test
    void withoutALanguageAtSignInReceiptsAreInEnglish() throws Exception {
        assertThat(pdfText(signedIn(null).execute(DOWNLOAD, "id", txId, "lc", null)))
                .contains("RECEIPT", "DATE OF PAYMENT");
        assertThat(pdfText(signedIn(null).execute(DOWNLOAD, "id", txId, "lc", "es-MX")))
                .contains("RECIBO");
    }

    @Test
    void theEmailAndItsPdfFollowTheLanguage() throws Exception {
        GraphQLTestClient maria = signedIn("es");
        String toEs = "es+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String toEn = "en+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(maria.execute(EMAIL, "id", txId, "e", toEs, "lc", null)
                        .data()
                        .at("/emailReceipt/queued")
                        .asBoolean())
                .isTrue();
        assertThat(maria.execute(EMAIL, "id", txId, "e", toEn, "lc", "EN")
                        .data()
                        .at("/emailReceipt/queued")
                        .asBoolean())
                .isTrue();
        Map<String, Object> es = awaitMessageTo(toEs);
        assertThat(es.get("subject")).isEqualTo("Su recibo de pago de Bright Smiles Dental");
        assertThat((String) es.get("text"))
                .contains(
                        "Gracias por su pago a Bright Smiles Dental.", "Importe pagado: $12.34", "Método de pago: VISA")
                .containsPattern("Fecha: \\d{1,2} de [a-z]+ de");
        assertThat((String) es.get("html")).contains("lang=\"es\"", "Importe pagado");
        assertThat(attachmentText(es)).contains("RECIBO", "Paciente:");
        Map<String, Object> en = awaitMessageTo(toEn);
        assertThat(en.get("subject")).isEqualTo("Your payment receipt from Bright Smiles Dental");
        assertThat(attachmentText(en)).contains("RECEIPT", "Patient:");
    }

    @ParameterizedTest(name = "locale \"{0}\"")
    @ValueSource(
            strings = {
                "fr",
                "",
                " ",
                "e",
                "english",
                "zz-ES",
                "es;en",
                "en\u0000",
                "\u0435n",
                "es-ES-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void unknownLanguagesAreBadInputNamingTheArgument(String locale) {
        GraphQLTestClient maria = signedIn("es");
        List<GraphQLTestClient.Result> results = new ArrayList<>();
        results.add(maria.execute(DOWNLOAD, "id", txId, "lc", locale));
        results.add(maria.execute(EMAIL, "id", txId, "e", "x@example.com", "lc", locale));
        results.add(new GraphQLTestClient(server.getURL())
                .execute(SIGN_IN, "h", PRACTICE, "a", ACCOUNT, "l", LAST_NAME, "lc", locale));
        for (GraphQLTestClient.Result r : results) {
            assertThat(r.errorCode()).as(r.raw()).isEqualTo("BAD_USER_INPUT");
            assertThat(r.errors().get(0).path("message").asText()).contains("locale", "en", "es");
        }
    }

    @Test
    void theBalanceAfterThePaymentIsTheConnectorsAndIsPrinted() throws Exception {
        long expected =
                LedgerFixture.receiptData(txId).path("balanceAfterCents").asLong();
        GraphQLTestClient maria = signedIn("en");
        JsonNode receipt = maria.execute(RECEIPT, "id", txId).data().path("receipt");
        assertThat(receipt.at("/balanceAfter/cents").asLong()).isEqualTo(expected);
        String formatted = receipt.at("/balanceAfter/formatted").asText();
        assertThat(pdfText(maria.execute(DOWNLOAD, "id", txId, "lc", "en")))
                .contains("Your account balance after this payment: " + formatted);
    }

    @Test
    void thePdfPrintsThePracticeLogoTheWebPageShows() throws Exception {
        GraphQLTestClient maria = signedIn("en");
        String logoUrl = maria.execute(RECEIPT, "id", txId)
                .data()
                .at("/receipt/practice/logoUrl")
                .asText();
        assertThat(logoUrl).matches("/practice-logos/K7MX4Q/[0-9a-f]{64}\\.png");
        byte[] served = HTTP.send(
                        HttpRequest.newBuilder(server.getURI().resolve(logoUrl)).build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body();
        java.awt.image.BufferedImage web = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served));
        try (PDDocument doc = Loader.loadPDF(download(maria.execute(DOWNLOAD, "id", txId, "lc", "en")))) {
            List<java.awt.image.BufferedImage> images = new ArrayList<>();
            var resources = doc.getPage(0).getResources();
            for (var name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    images.add(image.getImage());
                }
            }
            assertThat(images).anySatisfy(img -> {
                assertThat(img.getWidth()).isEqualTo(web.getWidth());
                assertThat(img.getHeight()).isEqualTo(web.getHeight());
                for (int y = 0; y < img.getHeight(); y += 7) {
                    for (int x = 0; x < img.getWidth(); x += 7) {
                        assertThat(img.getRGB(x, y) & 0xFFFFFF).isEqualTo(web.getRGB(x, y) & 0xFFFFFF);
                    }
                }
            });
            // the logo replaces the initials monogram
            assertThat(new PDFTextStripper().getText(doc)).doesNotStartWith("BS");
        }
    }

    private byte[] download(GraphQLTestClient.Result r) throws Exception {
        String url = r.data().at("/downloadReceipt/url").asText();
        assertThat(url).as(r.raw()).startsWith("/receipts/download/");
        HttpResponse<byte[]> pdf = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        return pdf.body();
    }

    private String pdfText(GraphQLTestClient.Result r) throws Exception {
        try (PDDocument doc = Loader.loadPDF(download(r))) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static String attachmentText(Map<String, Object> message) throws Exception {
        Map<?, ?> attachment = (Map<?, ?>) ((List<?>) message.get("attachments")).get(0);
        try (PDDocument doc = Loader.loadPDF(Base64.getDecoder().decode((String) attachment.get("content")))) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private Map<String, Object> awaitMessageTo(String to) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            for (Map<String, Object> m : ses.messages()) {
                if (String.valueOf(m.get("to")).toLowerCase(Locale.ROOT).contains(to)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no email reached the SES stand-in");
    }
}

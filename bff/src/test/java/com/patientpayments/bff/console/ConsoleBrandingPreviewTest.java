package com.patientpayments.bff.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.receipt.LedgerFixture;
import com.patientpayments.bff.testsupport.ConnectorHouseholds;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.TestBff;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The branding preview prints the draft: its texts and its logo. The PDFs are parsed (PDFBox): the logos are
 * single-colour PNGs, so which one a receipt prints is told by the colour of the images it embeds. A receipt of the
 * practice (what patients get) keeps printing the published logo and texts until the draft is published.
 */
class ConsoleBrandingPreviewTest {
    private static final Color MAGENTA = new Color(0xE0, 0x10, 0xD0);
    private static final Color GREEN = new Color(0x10, 0xC0, 0x30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestBff BFF = TestBff.of(ConsoleBrandingPreviewTest.class);

    @Test
    void thePreviewPrintsTheDraftLogoAndPatientsKeepThePublishedOne() throws Exception {
        ConsoleTestKit.PracticeAdmin fixture = ConsoleTestKit.practiceAdmin(BFF.url(), "branding");
        ConnectorHouseholds.Household h = fixture.household();
        String practiceId = fixture.practiceId();
        String txId = LedgerFixture.pay(h.practiceHash(), h.accountNumber(), h.lastName(), 1500);
        GraphQLTestClient admin = fixture.client();

        // Nothing published yet: neither the receipt nor the preview prints a magenta logo.
        assertThat(receipt(admin, practiceId, txId).colours()).doesNotContain(MAGENTA);

        // A draft with a magenta logo and a signature text: the preview prints both, the receipt neither.
        saveDraft(admin, practiceId, png(MAGENTA), "Signed for the draft");
        Pdf preview = preview(admin, practiceId, null);
        assertThat(preview.colours()).contains(MAGENTA);
        assertThat(preview.text()).contains("Signed for the draft");
        Pdf txPreview = preview(admin, practiceId, txId);
        assertThat(txPreview.colours()).contains(MAGENTA);
        Pdf patient = receipt(admin, practiceId, txId);
        assertThat(patient.colours()).doesNotContain(MAGENTA);
        assertThat(patient.text()).doesNotContain("Signed for the draft");

        // Published: the receipt prints it. Then a green draft: the preview prints green, the receipt still magenta.
        assertThat(admin.execute(
                                "mutation($p: ID!) { publishReceiptBranding(practiceId: $p) { published {"
                                        + " signatureText } } }",
                                "p",
                                practiceId)
                        .data()
                        .at("/publishReceiptBranding/published/signatureText")
                        .asText())
                .isEqualTo("Signed for the draft");
        assertThat(receipt(admin, practiceId, txId).colours()).contains(MAGENTA);
        saveDraft(admin, practiceId, png(GREEN), "Signed for the second draft");
        Pdf second = preview(admin, practiceId, txId);
        assertThat(second.colours()).contains(GREEN).doesNotContain(MAGENTA);
        assertThat(second.text()).contains("Signed for the second draft");
        Pdf stillPublished = receipt(admin, practiceId, txId);
        assertThat(stillPublished.colours()).contains(MAGENTA).doesNotContain(GREEN);
        assertThat(stillPublished.text()).contains("Signed for the draft").doesNotContain("second draft");

        // A draft that removes the logo previews without one; the receipt keeps the published logo.
        assertThat(admin.execute(
                                "mutation($p: ID!) { saveReceiptBrandingDraft(practiceId: $p, input: {removeLogo:"
                                        + " true}) { draft { logoUrl } } }",
                                "p",
                                practiceId)
                        .data()
                        .at("/saveReceiptBrandingDraft/draft/logoUrl")
                        .isNull())
                .isTrue();
        assertThat(preview(admin, practiceId, null).colours()).doesNotContain(GREEN, MAGENTA);
        assertThat(receipt(admin, practiceId, txId).colours()).contains(MAGENTA);
    }

    /** A parsed PDF: its text and the colour of each single-colour image it embeds. */
    private record Pdf(String text, List<Color> colours) {}

    private static void saveDraft(GraphQLTestClient admin, String practiceId, byte[] png, String signature) {
        var r = admin.execute(
                "mutation($p: ID!, $i: ReceiptBrandingInput!) { saveReceiptBrandingDraft(practiceId: $p,"
                        + " input: $i) { draft { signatureText logoUrl } } }",
                "p",
                practiceId,
                "i",
                Map.of(
                        "signatureText",
                        signature,
                        "logoBase64",
                        Base64.getEncoder().encodeToString(png),
                        "logoContentType",
                        "image/png"));
        assertThat(r.hasErrors()).as(r.raw()).isFalse();
        assertThat(r.data().at("/saveReceiptBrandingDraft/draft/logoUrl").asText())
                .isNotBlank();
    }

    private static Pdf preview(GraphQLTestClient admin, String practiceId, String txId) throws Exception {
        var r = admin.execute(
                "mutation($p: ID!, $t: ID) { previewReceiptBranding(practiceId: $p, transactionId: $t) { url } }",
                "p",
                practiceId,
                "t",
                txId);
        assertThat(r.hasErrors()).as(r.raw()).isFalse();
        return pdf(r.data().at("/previewReceiptBranding/url").asText());
    }

    private static Pdf receipt(GraphQLTestClient admin, String practiceId, String txId) throws Exception {
        var r = admin.execute(
                "query($p: ID!, $t: ID!) { console { practice(id: $p) { receiptPdf(transactionId: $t) { url } } } }",
                "p",
                practiceId,
                "t",
                txId);
        assertThat(r.hasErrors()).as(r.raw()).isFalse();
        return pdf(r.data().at("/console/practice/receiptPdf/url").asText());
    }

    private static Pdf pdf(String url) throws Exception {
        assertThat(url).startsWith("/receipts/download/");
        HttpResponse<byte[]> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(BFF.url().toString().replaceAll("/$", "") + url))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            List<Color> colours = new ArrayList<>();
            images(doc.getPage(0).getResources(), colours, 0);
            return new Pdf(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "), colours);
        }
    }

    /** Colours of the single-colour images in these resources (and nested forms). */
    private static void images(PDResources resources, List<Color> out, int depth) throws Exception {
        if (resources == null || depth > 5) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image) {
                BufferedImage b = image.getImage();
                int rgb = b.getRGB(b.getWidth() / 2, b.getHeight() / 2);
                boolean uniform = b.getRGB(0, 0) == rgb && b.getRGB(b.getWidth() - 1, b.getHeight() - 1) == rgb;
                if (uniform) {
                    out.add(new Color(rgb & 0xFFFFFF));
                }
            } else if (x instanceof PDFormXObject form) {
                images(form.getResources(), out, depth + 1);
            }
        }
    }

    private static byte[] png(Color colour) throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

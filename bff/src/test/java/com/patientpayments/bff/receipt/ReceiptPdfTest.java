package com.patientpayments.bff.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.emr.ReceiptAdjustment;
import com.patientpayments.bff.emr.ReceiptLine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real JasperReports template rendered to PDF and read back with PDFBox: every header field, every line, subtotals,
 * totals, credit, later refunds, the HSA/FSA statement, signature area and page numbers; multi-page with repeated
 * headers; the receipt fonts embedded as subsets. Page images go to {@code target/receipt-preview/} for a visual check.
 */
class ReceiptPdfTest {

    private static final Path PREVIEW = Path.of("target", "receipt-preview");
    private static ReceiptPdfRenderer renderer;

    @BeforeAll
    static void setUp() throws IOException {
        renderer = new ReceiptPdfRenderer(new SimpleMeterRegistry());
        Files.createDirectories(PREVIEW);
    }

    @Test
    void oneLineReceiptShowsEveryHeaderFieldAndTheLine() throws IOException {
        ReceiptView view = ReceiptFixtures.receipt(1);
        byte[] pdf = renderer.render(view);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            preview(doc, "receipt-1-line", 0);
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = flat(doc);
            ReceiptLine line = view.lines().get(0);
            assertThat(text)
                    .contains(
                            "Bright Smiles Dental", "120 Main St, Suite 4", "Austin, TX 78701", "Phone (512) 555-0142")
                    .contains("RECEIPT", "Itemized receipt for HSA/FSA")
                    .contains("DATE OF PAYMENT", "March 3, 2026", "2:05 PM CST (Central Time)")
                    .contains("TRANSACTION ID", ReceiptFixtures.TX_ID)
                    .contains("PAYMENT METHOD", "VISA \u2022\u2022\u2022\u20224242")
                    .contains("TOTAL PAID TODAY", "$45.00")
                    .contains("Paid by: María José García")
                    .contains("Patient: Sofía García-Núñez", "Subtotal for Sofía García-Núñez")
                    .contains("Date of service", "Procedure", "Provider", "Charge", "Applied now", "Remaining")
                    .contains("01/05/2026", flatten(line.procedureName()), line.providerName())
                    .contains(
                            "Applied to charges",
                            "Unapplied credit (kept on your account) $0.00",
                            "Total paid today $45.00")
                    .contains("Remaining balance on these charges: $0.00")
                    .contains("Patient Payments", "Payment processed online by")
                    .contains("Page 1 of 1")
                    .contains("Card payment reference (for the practice's records): pi_3PqRsTuVwXyZ0123")
                    .doesNotContain("Later changes to this payment", "(continued)", "Processor reference");
            assertEmbeddedSubsets(doc);
        }
    }

    @Test
    void twoHundredLinesSpanPagesWithRepeatedHeadersSubtotalsAndTotals() throws IOException {
        ReceiptView view = ReceiptFixtures.receipt(200);
        byte[] pdf = renderer.render(view);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            preview(doc, "receipt-200-lines-page", 0);
            preview(doc, "receipt-200-lines-page", 1);
            preview(doc, "receipt-200-lines-page", doc.getNumberOfPages() - 1);
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            assertThat(flat(doc, 2, 2)).contains("Date of service", "Patient: Sofía García-Núñez");
            for (int page = 1; page <= pages; page++) {
                String pageText = flat(doc, page, page);
                assertThat(pageText).as("page %d", page).contains("Page " + page + " of " + pages);
                if (pageText.matches(".*\\d\\d/\\d\\d/2026 .*")) {
                    // every page with table rows repeats the column header (the summary may end alone on the last page)
                    assertThat(pageText).as("page %d", page).contains("Date of service", "Applied now");
                }
                if (page > 1) {
                    assertThat(pageText).contains("Bright Smiles Dental", ReceiptFixtures.TX_ID + " (continued)");
                }
            }
            String text = flat(doc);
            for (ReceiptLine line : view.lines()) {
                assertThat(text).contains(flatten(line.procedureName()));
            }
            for (String patient : List.of("Sofía García-Núñez", "Lucas García", "Zoë O'Brien-Łukasiewicz")) {
                long applied = view.lines().stream()
                        .filter(l -> l.patientName().equals(patient))
                        .mapToLong(ReceiptLine::appliedCents)
                        .sum();
                assertThat(text).contains("Subtotal for " + patient);
                assertThat(text)
                        .contains(
                                com.patientpayments.bff.Money.of(applied, "USD").formatted());
            }
            assertThat(text)
                    .contains("Total paid today "
                            + com.patientpayments.bff.Money.of(view.totalCents(), "USD")
                                    .formatted());
        }
    }

    @Test
    void anSvgPracticeLogoIsDrawnInsteadOfTheInitials() throws IOException {
        byte[] svg = ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 96 96\"><rect width=\"96\""
                        + " height=\"96\" rx=\"20\" fill=\"#1D4ED8\"/></svg>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ReceiptPdfRenderer withLogo =
                new ReceiptPdfRenderer(new SimpleMeterRegistry(), v -> java.util.Optional.of(svg));
        try (PDDocument doc = Loader.loadPDF(withLogo.render(ReceiptFixtures.receipt(1)))) {
            preview(doc, "receipt-svg-logo", 0);
            assertThat(flat(doc)).doesNotStartWith("BS ").startsWith("Bright Smiles Dental");
            assertThat(doc.getPage(0).getResources().getXObjectNames()).hasSizeGreaterThanOrEqualTo(2);
        }
        try (PDDocument doc = Loader.loadPDF(renderer.render(ReceiptFixtures.receipt(1)))) {
            assertThat(flat(doc)).startsWith("BS Bright Smiles Dental");
        }
    }

    @Test
    void creditAndLaterRefundsAndDisputesAreShownAsSuch() throws IOException {
        ReceiptView view = ReceiptFixtures.receipt(
                3,
                1_234,
                List.of(
                        new ReceiptAdjustment("REFUND", 2_000, Instant.parse("2026-03-05T15:30:00Z")),
                        new ReceiptAdjustment("DISPUTE_OPENED", 4_500, Instant.parse("2026-03-09T16:00:00Z"))),
                "PARTIALLY_REFUNDED");
        try (PDDocument doc = Loader.loadPDF(renderer.render(view))) {
            preview(doc, "receipt-adjusted", 0);
            String text = flat(doc);
            assertThat(text)
                    .contains("Unapplied credit (kept on your account) $12.34")
                    .contains("Total paid today "
                            + com.patientpayments.bff.Money.of(view.totalCents(), "USD")
                                    .formatted())
                    .contains("Part of this payment was refunded after it was made")
                    .contains("Later changes to this payment (refunds and disputes)")
                    .contains("Mar 5, 2026 9:30 AM CST (Central Time) \u2014 Refunded to your card: $20.00")
                    .contains("Mar 9, 2026 11:00 AM CDT (Central Time) \u2014 Card dispute opened (amount on hold):"
                            + " $45.00");
        }
    }

    /**
     * Every glyph of the document is drawn with a Noto face from receipt-fonts, embedded as a subset
     * ({@code ABCDEF+NotoSans…}); returns the names of the faces used.
     */
    static java.util.Set<String> assertEmbeddedSubsets(PDDocument doc) throws IOException {
        java.util.Set<String> used = new java.util.TreeSet<>();
        java.util.List<PDFont> fonts = new java.util.ArrayList<>();
        new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                for (var p : positions) {
                    if (used.add(p.getFont().getName())) {
                        fonts.add(p.getFont());
                    }
                }
            }
        }.getText(doc);
        assertThat(fonts).isNotEmpty();
        for (PDFont font : fonts) {
            assertThat(font.getName()).as("font").matches("[A-Z]{6}\\+NotoSans.*");
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
        return used;
    }

    static void preview(PDDocument doc, String name, int pageIndex) throws IOException {
        var image = new PDFRenderer(doc).renderImageWithDPI(pageIndex, 110);
        ImageIO.write(
                image,
                "png",
                PREVIEW.resolve(name + (name.endsWith("page") ? "-" + (pageIndex + 1) : "") + ".png")
                        .toFile());
    }

    private static String flat(PDDocument doc) throws IOException {
        return flat(doc, 1, doc.getNumberOfPages());
    }

    private static String flat(PDDocument doc, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return flatten(stripper.getText(doc));
    }

    /** Text extraction breaks wrapped cells into lines: compare with all whitespace runs as one space. */
    static String flatten(String s) {
        return s.replaceAll("\\s+", " ");
    }
}

package com.patientpayments.bff.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.emr.ReceiptLine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names and procedures in every script the receipt promises (Latin incl. Vietnamese, Polish, Nordic; Greek; Cyrillic;
 * Chinese, Japanese, Korean) come out of the real PDF exactly as they went in (PDFBox text extraction), drawn with
 * embedded subset fonts of the script's Noto family; text no font covers is transliterated, never dropped, and counted.
 */
class ReceiptScriptsTest {

    private static SimpleMeterRegistry registry;
    private static ReceiptPdfRenderer renderer;

    @BeforeAll
    static void setUp() {
        registry = new SimpleMeterRegistry();
        renderer = new ReceiptPdfRenderer(registry);
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("Vietnamese", "Nguyễn Thị Hương", "Trám răng — Hàm trên", "NotoSans-"),
                Arguments.of("Polish", "Łucja Żółkiewska-Wójcik", "Ząb ósemka — usunięcie", "NotoSans-"),
                Arguments.of("Nordic", "Åsa Ørsted Þórsdóttir", "Tandrensning (Ærø)", "NotoSans-"),
                Arguments.of("Greek", "Σοφία Παπαδοπούλου", "Καθαρισμός δοντιών", "NotoSans-"),
                Arguments.of("Cyrillic", "Дмитрий Ёлкин-Щукин", "Чистка зубов", "NotoSans-"),
                Arguments.of("Chinese", "陈小明", "洗牙（成人）", "NotoSansSC"),
                Arguments.of("Japanese", "山田 はなこ", "歯のクリーニング", "NotoSansSC"),
                Arguments.of("Korean", "김민준", "스케일링 치료", "NotoSansKR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void namesAndProceduresInEveryScriptAreInThePdf(String script, String name, String procedure, String face)
            throws IOException {
        ReceiptView view = withPatient(ReceiptFixtures.receipt(2), name, procedure, name);
        try (PDDocument doc = Loader.loadPDF(renderer.render(view))) {
            String text = nfc(new PDFTextStripper().getText(doc));
            assertThat(text)
                    .as(script)
                    .contains(
                            "Patient: " + nfc(name),
                            "Subtotal for " + nfc(name),
                            "Paid by: " + nfc(name),
                            nfc(procedure));
            Set<String> faces = ReceiptPdfTest.assertEmbeddedSubsets(doc);
            assertThat(faces).as(script).anyMatch(f -> f.contains("+" + face));
        }
    }

    @Test
    void allScriptsOnOneReceiptInSpanish() throws IOException {
        ReceiptView view = SampleReceipt.allScripts(ReceiptFixtures.practice(), java.time.Clock.systemUTC());
        try (PDDocument doc = Loader.loadPDF(renderer.render(view, "es"))) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "receipt-preview"));
            ReceiptPdfTest.preview(doc, "receipt-all-scripts-es", 0);
            String text = nfc(new PDFTextStripper().getText(doc));
            for (ReceiptLine line : view.lines()) {
                assertThat(text).contains("Paciente: " + nfc(line.patientName()));
            }
            assertThat(ReceiptPdfTest.assertEmbeddedSubsets(doc))
                    .anyMatch(f -> f.contains("+NotoSansSC"))
                    .anyMatch(f -> f.contains("+NotoSansKR"))
                    .anyMatch(f -> f.contains("+NotoSans-"));
        }
    }

    static Stream<Arguments> uncovered() {
        return Stream.of(
                Arguments.of("Arabic", "محمد علي", "mhmd"),
                Arguments.of("Hebrew", "דוד כהן", "dwd"),
                Arguments.of("Thai", "สมชาย", "s"),
                Arguments.of("Devanagari", "अनीता शर्मा", "anita"),
                Arguments.of("emoji", "Ana 🦷", "[U+1F9B7]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uncovered")
    void textNoFontCoversIsTransliteratedAndCountedNeverDropped(String script, String name, String expected)
            throws IOException {
        double before = fallbackCount();
        ReceiptView view = withPatient(ReceiptFixtures.receipt(1), name, "Prophylaxis", "María José García");
        try (PDDocument doc = Loader.loadPDF(renderer.render(view))) {
            String text = new PDFTextStripper().getText(doc);
            String patientLine = text.lines()
                    .filter(l -> l.startsWith("Patient: "))
                    .findFirst()
                    .orElseThrow();
            String printed = patientLine.substring("Patient: ".length()).trim();
            // Something legible stands where the name was: never an empty or shortened label.
            assertThat(printed).as(script).isNotBlank();
            assertThat(Normalizer.normalize(printed, Normalizer.Form.NFD)
                            .replaceAll("\\p{M}", "")
                            .toLowerCase())
                    .as(script)
                    .contains(expected.toLowerCase());
            assertThat(printed.codePoints()
                            .filter(cp -> name.indexOf(new String(Character.toChars(cp))) >= 0 && cp > 0x2FF))
                    .as(script + ": no uncovered character reaches the PDF")
                    .isEmpty();
            ReceiptPdfTest.assertEmbeddedSubsets(doc);
        }
        // Name once per occurrence: group header, subtotal (the guarantor is Latin). Counts only, never text.
        assertThat(fallbackCount()).as(script).isGreaterThan(before);
    }

    @Test
    void transliterationLeavesCoveredTextAlone() {
        GlyphFallback.Pass pass = new GlyphFallback(
                        net.sf.jasperreports.engine.DefaultJasperReportsContext.getInstance(),
                        new SimpleMeterRegistry())
                .pass();
        assertThat(pass.fit("Nguyễn 陈小明 김민준 Σοφία")).isEqualTo("Nguyễn 陈小明 김민준 Σοφία");
        assertThat(pass.transliteratedCount() + pass.codePointCount()).isZero();
        assertThat(pass.fit("Dr. محمد")).startsWith("Dr. m").doesNotContain("محمد");
        assertThat(pass.transliteratedCount()).isEqualTo(4);
        assertThat(pass.fit(null)).isNull();
    }

    private double fallbackCount() {
        return registry.find("receipt.text.fallback").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** The receipt with every line's patient named {@code patient}, procedures {@code procedure}, paid by {@code payer}. */
    static ReceiptView withPatient(ReceiptView v, String patient, String procedure, String payer) {
        List<ReceiptLine> lines = new ArrayList<>();
        for (ReceiptLine l : v.lines()) {
            lines.add(new ReceiptLine(
                    l.chargeId(),
                    "pat-x",
                    patient,
                    l.serviceDate(),
                    procedure,
                    l.providerName(),
                    l.locationName(),
                    l.chargeAmountCents(),
                    l.appliedCents(),
                    l.remainingCents()));
        }
        return new ReceiptView(
                v.txId(),
                v.providerReference(),
                v.practiceId(),
                v.practiceHash(),
                v.householdId(),
                v.practice(),
                payer,
                v.paidAt(),
                v.methodBrand(),
                v.methodLast4(),
                v.currency(),
                v.totalCents(),
                v.appliedCents(),
                v.creditCents(),
                v.refundedCents(),
                v.status(),
                lines,
                v.adjustments(),
                v.balanceAfterCents());
    }
}

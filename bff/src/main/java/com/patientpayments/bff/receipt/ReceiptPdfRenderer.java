package com.patientpayments.bff.receipt;

import com.patientpayments.bff.emr.ReceiptBrandingTexts;
import com.patientpayments.bff.practice.PracticeLogos;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;
import net.sf.jasperreports.renderers.SimpleDataRenderer;
import net.sf.jasperreports.repo.RepositoryService;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link ReceiptView} to PDF with the build-time compiled {@code receipts/receipt.jasper}, in a receipt
 * language ({@link ReceiptText}), with the practice's published logo (the bytes the web page shows) and the
 * receipt-fonts embedded as subsets; characters no font has are transliterated ({@link GlyphFallback}). Thread-safe:
 * the compiled report is shared, every render fills and exports its own print. Timed as {@code receipt.render}.
 */
@Singleton
public class ReceiptPdfRenderer {

    /** Classpath location of the compiled template (see {@link ReceiptTemplateCompiler}). */
    public static final String TEMPLATE = "receipts/receipt.jasper";

    private static final String PMS_LOGO = "receipts/pms-logo.png";
    private static final String PMS_NAME = "Patient Payments";

    private final JasperReportsContext context;
    private final JasperReport report;
    private final Object pmsLogo;
    private final Timer renderTimer;
    private final GlyphFallback fallback;
    private final Function<ReceiptView, Optional<byte[]>> practiceLogos;
    private Function<ReceiptView, ReceiptBrandingTexts.Texts> publishedTexts = view -> ReceiptBrandingTexts.Texts.NONE;

    /**
     * The service's renderer: logos from the connector through {@link PracticeLogos}, and the practice's published
     * branding texts (signature area, footer) through {@link ReceiptBrandingTexts}.
     */
    @Inject
    public ReceiptPdfRenderer(MeterRegistry registry, PracticeLogos logos, ReceiptBrandingTexts texts) {
        this(
                registry,
                view -> view.practice().logo() == null
                        ? Optional.empty()
                        : logos.published(
                                        view.practiceHash(),
                                        view.practice().logo().sha256())
                                .map(PracticeLogos.Image::bytes));
        this.publishedTexts = view -> texts.published(view.practiceHash());
    }

    /** A renderer that prints no practice logo (tests, benchmarks). */
    public ReceiptPdfRenderer(MeterRegistry registry) {
        this(registry, view -> Optional.empty());
    }

    /** A renderer with its own logo lookup: the practice logo's bytes for a receipt, or empty for initials. */
    public ReceiptPdfRenderer(MeterRegistry registry, Function<ReceiptView, Optional<byte[]>> practiceLogos) {
        this.context = context();
        this.report = loadReport();
        this.pmsLogo = SimpleDataRenderer.getInstance(readResource(PMS_LOGO));
        this.renderTimer = Timer.builder("receipt.render")
                .description("Receipt PDF fill and export")
                .publishPercentileHistogram()
                .register(registry);
        this.fallback = new GlyphFallback(context, registry);
        this.practiceLogos = practiceLogos;
    }

    /** The receipt as a PDF document in English. */
    public byte[] render(ReceiptView view) {
        return render(view, ReceiptLocale.DEFAULT);
    }

    /** The receipt as a PDF document in {@code language} ({@code en}, {@code es}; see {@link ReceiptLocale}). */
    public byte[] render(ReceiptView view, String language) {
        return render(view, language, publishedTexts.apply(view));
    }

    /** As {@link #render(ReceiptView, String)} with given branding texts and the published logo. */
    public byte[] render(ReceiptView view, String language, ReceiptBrandingTexts.Texts branding) {
        return render(view, language, branding, practiceLogos.apply(view));
    }

    /**
     * As {@link #render(ReceiptView, String)} with given branding texts and logo bytes (PNG or SVG; empty prints the
     * initials): the console's preview of a draft, whose logo is not the published one.
     */
    public byte[] render(
            ReceiptView view, String language, ReceiptBrandingTexts.Texts branding, Optional<byte[]> logoBytes) {
        Object logo = logoBytes.map(SimpleDataRenderer::getInstance).orElse(null);
        return renderTimer.record(() -> renderUntimed(view, ReceiptText.of(language), logo, branding));
    }

    private byte[] renderUntimed(
            ReceiptView view, ReceiptText text, @Nullable Object practiceLogo, ReceiptBrandingTexts.Texts branding) {
        try {
            GlyphFallback.Pass fit = fallback.pass();
            Map<String, Object> parameters =
                    ReceiptJasperAdapter.parameters(view, text, fit, practiceLogo, pmsLogo, PMS_NAME);
            parameters.put(
                    "SIGNATURE_TEXT", branding.signatureText() == null ? null : fit.fit(branding.signatureText()));
            parameters.put("FOOTER_TEXT", branding.footerText() == null ? null : fit.fit(branding.footerText()));
            List<Map<String, ?>> rows = ReceiptJasperAdapter.rows(view, text, fit);
            fit.report();
            JasperPrint print = JasperFillManager.getInstance(context)
                    .fill(report, parameters, new JRMapCollectionDataSource(rows));
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            JRPdfExporter exporter = new JRPdfExporter(context);
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
            config.setMetadataTitle(text.message("pdf.title", view.shortRef()));
            config.setMetadataCreator(PMS_NAME);
            config.setCompressed(true);
            exporter.setConfiguration(config);
            exporter.setConfiguration(new SimplePdfReportConfiguration());
            exporter.exportReport();
            return out.toByteArray();
        } catch (JRException e) {
            // No receipt content in the message: the cause's text can quote field values.
            throw new IllegalStateException("receipt PDF rendering failed", e);
        }
    }

    /** The default JasperReports context with font files served from memory (see {@link FontBytesCache}). */
    private static JasperReportsContext context() {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext();
        List<RepositoryService> repositories = new ArrayList<>();
        repositories.add(new FontBytesCache());
        repositories.addAll(DefaultJasperReportsContext.getInstance().getExtensions(RepositoryService.class));
        context.setExtensions(RepositoryService.class, repositories);
        return context;
    }

    private static JasperReport loadReport() {
        try (InputStream in = resource(TEMPLATE)) {
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("compiled receipt template " + TEMPLATE + " cannot be loaded", e);
        }
    }

    private static byte[] readResource(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ReceiptPdfRenderer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath (built by the Maven build)");
        }
        return in;
    }
}

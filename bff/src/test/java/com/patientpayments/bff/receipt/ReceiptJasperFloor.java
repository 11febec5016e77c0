package com.patientpayments.bff.receipt;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.renderers.SimpleDataRenderer;

/**
 * The receipt PDF benchmark's floor: bare JasperReports fill + PDF export of the same compiled template
 * ({@link ReceiptPdfRenderer#TEMPLATE}) with a plain in-memory data source, in JasperReports' default context (the
 * same receipt-fonts extension, so the same fonts embedded). The parameters and rows of one receipt are prepared once,
 * outside what is timed; {@link #render()} is what JasperReports itself costs for that document.
 */
public final class ReceiptJasperFloor {

    private final JasperReportsContext context = DefaultJasperReportsContext.getInstance();
    private final JasperReport report;
    private final Map<String, Object> parameters;
    private final List<Map<String, ?>> rows;

    /**
     * Prepares the floor for one receipt in English.
     *
     * @param view the receipt (e.g. {@link ReceiptFixtures#receipt(int)})
     */
    public ReceiptJasperFloor(ReceiptView view) {
        try (InputStream in =
                        ReceiptJasperFloor.class.getClassLoader().getResourceAsStream(ReceiptPdfRenderer.TEMPLATE);
                InputStream logo =
                        ReceiptJasperFloor.class.getClassLoader().getResourceAsStream("receipts/pms-logo.png")) {
            report = (JasperReport) JRLoader.loadObject(in);
            ReceiptText text = ReceiptText.of(ReceiptLocale.DEFAULT);
            GlyphFallback.Pass fit = new GlyphFallback(context, new SimpleMeterRegistry()).pass();
            parameters = ReceiptJasperAdapter.parameters(
                    view, text, fit, null, SimpleDataRenderer.getInstance(logo.readAllBytes()), "Patient Payments");
            rows = ReceiptJasperAdapter.rows(view, text, fit);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("floor template cannot be loaded", e);
        }
    }

    /**
     * Fills the template from the prepared rows and exports it to a compressed PDF.
     *
     * @return the PDF's bytes
     */
    public byte[] render() {
        try {
            JasperPrint print = JasperFillManager.getInstance(context)
                    .fill(report, new HashMap<>(parameters), new JRMapCollectionDataSource(rows));
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            JRPdfExporter exporter = new JRPdfExporter(context);
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
            config.setCompressed(true);
            exporter.setConfiguration(config);
            exporter.exportReport();
            return out.toByteArray();
        } catch (JRException e) {
            throw new IllegalStateException("floor render failed", e);
        }
    }
}

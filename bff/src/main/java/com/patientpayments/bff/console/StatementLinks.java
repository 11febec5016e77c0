package com.patientpayments.bff.console;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Statement payment links: the landing URL with the account prefilled ({@code <base>/p/<hash>?account=<n>}, the
 * SPA's landing page reads {@code account}) and the ZIP a statement-printing vendor takes: {@code links.csv}
 * (account_number,url,qr_file) plus one QR image per account.
 */
@Singleton
public class StatementLinks {
    private final String base;

    /** @param settings where the links point ({@link ConsoleSettings#publicUrl()}; trailing slashes dropped) */
    public StatementLinks(ConsoleSettings settings) {
        String base = settings.publicUrl();
        this.base = base == null ? "" : base.strip().replaceAll("/+$", "");
    }

    /** The landing URL of a household, absolute when {@code payments.console.public-url} is set. */
    public String url(String practiceHash, String accountNumber) {
        return base + "/p/" + practiceHash + "?account=" + URLEncoder.encode(accountNumber, StandardCharsets.UTF_8);
    }

    /** The vendor's ZIP for these accounts. */
    public byte[] zip(String practiceHash, List<String> accounts, boolean png) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            StringBuilder csv = new StringBuilder("account_number,url,qr_file\r\n");
            for (String account : accounts) {
                String url = url(practiceHash, account);
                String file = "qr/" + account.replaceAll("[^A-Za-z0-9_-]", "_") + (png ? ".png" : ".svg");
                csv.append(Csv.cell(account))
                        .append(',')
                        .append(Csv.cell(url))
                        .append(',')
                        .append(file)
                        .append("\r\n");
                zip.putNextEntry(new ZipEntry(file));
                zip.write(png ? StatementQr.png(url) : StatementQr.svg(url).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("links.csv"));
            zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

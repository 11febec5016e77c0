package com.patientpayments.bff.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.patientpayments.bff.receipt.LedgerFixture;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.TestBff;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's files, parsed: the QR PNG decodes (ZXing) to the landing URL with the account prefilled; the payments
 * CSV has its header and one row per payment, quoting commas, quotes and newlines and defusing cells a spreadsheet
 * would run as formulas; the statement vendor's ZIP has links.csv and one decodable image per account. And the staff
 * session's idle expiry, configured short here ({@code payments.staff.idle-timeout}): requests slide it, idling past
 * it ends the session.
 */
class ConsoleFilesTest {
    private static final Duration IDLE = Duration.ofSeconds(4);
    private static final String PUBLIC_URL = "https://pay.example.test";

    @RegisterExtension
    static final TestBff BFF = TestBff.of(ConsoleFilesTest.class)
            .with("payments.staff.idle-timeout", IDLE.toMillis() + "ms")
            .with("payments.console.public-url", PUBLIC_URL + "/");

    @Test
    void requestsSlideTheIdleExpiryAndIdlingPastItEndsTheSession() throws Exception {
        GraphQLTestClient support = ConsoleTestKit.staff(BFF.url(), ConsoleTestKit.SUPPORT);
        long end = System.nanoTime() + IDLE.multipliedBy(2).toNanos();
        while (System.nanoTime() < end) { // twice the timeout, one request every quarter of it
            assertThat(me(support)).as("active session").isEqualTo(ConsoleTestKit.SUPPORT);
            Thread.sleep(IDLE.toMillis() / 4);
        }
        Thread.sleep(IDLE.toMillis() + 1500);
        assertThat(me(support)).as("after idling past the timeout").isNull();
    }

    @Test
    void theQrPngDecodesToTheLandingUrlWithTheAccount() throws Exception {
        ConsoleTestKit.PracticeAdmin f = fixture();
        GraphQLTestClient admin = f.client();
        var link = admin.execute(
                        "query($p: ID!, $a: String!) { console { practice(id: $p) { statementLink(accountNumber: $a)"
                                + " { url qrPngUrl } } } }",
                        "p",
                        f.practiceId(),
                        "a",
                        f.household().accountNumber())
                .data()
                .at("/console/practice/statementLink");
        String expected = PUBLIC_URL + "/p/" + f.household().practiceHash() + "?account="
                + f.household().accountNumber();
        assertThat(link.get("url").asText()).isEqualTo(expected);
        byte[] png = bytes(admin, link.get("qrPngUrl").asText());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(StatementQr.PNG_PIXELS);
        assertThat(decode(png)).isEqualTo(expected);
        // Without the staff cookie: no image.
        var anonymous =
                new GraphQLTestClient(BFF.url()).get(link.get("qrPngUrl").asText());
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void thePaymentsCsvQuotesAndDefusesEveryCell() throws Exception {
        ConsoleTestKit.PracticeAdmin f = fixture();
        String tx1 = LedgerFixture.pay(
                f.household().practiceHash(),
                f.household().accountNumber(),
                f.household().lastName(),
                1234);
        String tx2 = LedgerFixture.pay(
                f.household().practiceHash(),
                f.household().accountNumber(),
                f.household().lastName(),
                500);
        // Hostile names after the lookups: a formula, a comma, quotes and a line break in one cell.
        String first = "=HYPERLINK(\"http://evil.example\")";
        String last = "Smith, \"Jr\"\nIII";
        sql(
                "UPDATE households SET guarantor_first_name = ?, guarantor_last_name = ? WHERE id = ?",
                first,
                last,
                f.household().id());
        String url = f.client()
                .execute("query($p: ID!) { console { practice(id: $p) { paymentsCsv { url } } } }", "p", f.practiceId())
                .data()
                .at("/console/practice/paymentsCsv/url")
                .asText();
        List<List<String>> rows = csv(bytes(f.client(), url));
        assertThat(rows.get(0))
                .containsExactly(
                        "transaction_id",
                        "paid_at",
                        "amount",
                        "refunded",
                        "status",
                        "method",
                        "account_number",
                        "guarantor",
                        "provider_reference");
        Map<String, List<String>> byTx = new LinkedHashMap<>();
        rows.subList(1, rows.size()).forEach(r -> byTx.put(r.get(0), r));
        assertThat(byTx).containsOnlyKeys(tx1, tx2);
        assertThat(byTx.get(tx1).get(2)).isEqualTo("12.34");
        assertThat(byTx.get(tx2).get(2)).isEqualTo("5.00");
        for (List<String> r : byTx.values()) {
            assertThat(r).hasSize(9);
            assertThat(r.get(3)).isEqualTo("0.00");
            assertThat(r.get(6)).isEqualTo(f.household().accountNumber());
            // the cell round-trips through RFC 4180 quoting, prefixed so no spreadsheet runs it
            assertThat(r.get(7)).isEqualTo("'" + first + " " + last);
        }
        // The BFF's own audit row reached the connector's staff audit log: action, practice and reference.
        assertThat(auditReferences(f.practiceId(), "EXPORT_PAYMENTS")).containsExactly("rows=2");
    }

    /** The references of the staff audit rows of {@code action} in {@code practiceId}, oldest first. */
    private static List<String> auditReferences(String practiceId, String action) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c =
                        DriverManager.getConnection(EmrConnectorProcess.shared().jdbcUrl());
                PreparedStatement s = c.prepareStatement("SELECT reference FROM staff_audit_log"
                        + " WHERE practice_id = ? AND action = ? ORDER BY id")) {
            s.setObject(1, java.util.UUID.fromString(practiceId));
            s.setString(2, action);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Test
    void csvCellsQuoteAndDefuseEveryKind() {
        String[][] cases = {
            {"plain", "plain"},
            {"", ""},
            {"a,b", "\"a,b\""},
            {"say \"hi\"", "\"say \"\"hi\"\"\""},
            {"two\nlines", "\"two\nlines\""},
            {"cr\rhere", "\"cr\rhere\""},
            {"=1+2", "'=1+2"},
            {"+1", "'+1"},
            {"-1", "'-1"},
            {"@SUM(A1)", "'@SUM(A1)"},
            {"\tx", "'\tx"},
            {"=a,b", "\"'=a,b\""},
            {"x=1", "x=1"},
        };
        for (String[] c : cases) {
            assertThat(Csv.cell(c[0])).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void theStatementZipHasTheCsvAndOneDecodableImagePerAccount() throws Exception {
        ConsoleTestKit.PracticeAdmin f = fixture();
        List<String> accounts = List.of(f.household().accountNumber(), "A-1", "B-2", "A-1");
        for (String format : List.of("PNG", "SVG")) {
            String url = f.client()
                    .execute(
                            "query($p: ID!, $a: [String!]!, $f: QrFormat) { console { practice(id: $p) {"
                                    + " statementLinksExport(accountNumbers: $a, format: $f) { url } } } }",
                            "p",
                            f.practiceId(),
                            "a",
                            accounts,
                            "f",
                            format)
                    .data()
                    .at("/console/practice/statementLinksExport/url")
                    .asText();
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes(f.client(), url)))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
            String ext = format.equals("PNG") ? ".png" : ".svg";
            List<String> distinct = accounts.stream().distinct().toList();
            List<String> images = new ArrayList<>();
            distinct.forEach(a -> images.add("qr/" + a + ext));
            assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(concat(images, "links.csv"));
            List<List<String>> rows = csv(entries.get("links.csv"));
            assertThat(rows.get(0)).containsExactly("account_number", "url", "qr_file");
            assertThat(rows).hasSize(distinct.size() + 1);
            for (int i = 0; i < distinct.size(); i++) {
                String account = distinct.get(i);
                String landing = PUBLIC_URL + "/p/" + f.household().practiceHash() + "?account=" + account;
                assertThat(rows.get(i + 1)).containsExactly(account, landing, "qr/" + account + ext);
                byte[] image = entries.get("qr/" + account + ext);
                if (ext.equals(".png")) {
                    assertThat(decode(image)).isEqualTo(landing);
                } else {
                    assertThat(new String(image, StandardCharsets.UTF_8))
                            .startsWith("<svg")
                            .contains("<path");
                }
            }
        }
    }

    private static ConsoleTestKit.PracticeAdmin fixture() throws Exception {
        return ConsoleTestKit.practiceAdmin(BFF.url(), "files");
    }

    private static String me(GraphQLTestClient c) {
        var me = c.execute("{ console { me { email } } }").data().path("console");
        return me.isNull() || me.isMissingNode() ? null : me.at("/me/email").asText();
    }

    /** The bytes at {@code path}, with the client's cookies (the QR image needs the staff session). */
    private static byte[] bytes(GraphQLTestClient c, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create(BFF.url().toString().replaceAll("/$", "") + path))
                .GET();
        if (!c.cookies().isEmpty()) {
            b.header(
                    "Cookie",
                    String.join(
                            "; ",
                            c.cookies().entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList()));
        }
        return c.sendBytes(b);
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)))
                .getText();
    }

    private static List<List<String>> csv(byte[] bytes) throws Exception {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it =
                mapper.readerForListOf(String.class).readValues(new String(bytes, StandardCharsets.UTF_8))) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    private static void sql(String statement, Object... params) throws Exception {
        try (Connection c =
                        DriverManager.getConnection(EmrConnectorProcess.shared().jdbcUrl());
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}

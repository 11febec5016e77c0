package com.patientpayments.emr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.emr.support.TestApp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The practice console's reads on a practice with 20,000 payments over 90 days (2,000 households, two locations,
 * every source): a page of 50 online payments (first page, a later page by cursor, filtered by account number) and
 * the ROI over 90 days, through the connector's HTTP API with the staff header, one client at a time. Prints p50/p95
 * beside a floor measured in the same run: the same 50 rows read with one bare JDBC query.
 */
@Tag("bench")
class ConsoleBenchmark {
    private static final int PAYMENTS = 20_000;
    private static final int HOUSEHOLDS = 2_000;
    private static final int LIST_RUNS = 200;
    private static final int ROI_RUNS = 40;
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @Test
    void paymentsPageAndRoiOn20000Payments() throws Exception {
        try (TestApp app = TestApp.start(Map.of("logger.levels.access", "WARN"))) {
            UUID practice = UUID.randomUUID();
            UUID staff = UUID.randomUUID();
            seed(app, practice, staff);
            String base = "/api/v1/console/practices/" + practice;
            Map<String, String> as = Map.of("X-Staff-Id", staff.toString());
            LocalDate to = LocalDate.now(ZONE);
            String roi = base + "/roi?from=" + to.minusDays(89) + "&to=" + to;
            // Warm-up (not counted): the JIT compiles the request path.
            for (int i = 0; i < 100; i++) {
                app.send("GET", base + "/payments?first=50", null, TestApp.KEY, null, as);
            }
            for (int i = 0; i < 5; i++) {
                app.send("GET", roi, null, TestApp.KEY, null, as);
            }
            String cursor = app.send("GET", base + "/payments?first=50", null, TestApp.KEY, null, as)
                    .json()
                    .get("endCursor")
                    .asText();
            long[] first =
                    time(LIST_RUNS, () -> app.send("GET", base + "/payments?first=50", null, TestApp.KEY, null, as));
            long[] later = time(
                    LIST_RUNS,
                    () -> app.send("GET", base + "/payments?first=50&after=" + cursor, null, TestApp.KEY, null, as));
            long[] account = time(
                    LIST_RUNS,
                    () -> app.send(
                            "GET", base + "/payments?first=50&accountNumber=B01234", null, TestApp.KEY, null, as));
            long[] report = time(ROI_RUNS, () -> app.send("GET", roi, null, TestApp.KEY, null, as));
            long[] floor;
            try (Connection c = app.connect();
                    PreparedStatement s = c.prepareStatement("SELECT id, amount_cents,"
                            + " paid_at FROM transactions WHERE practice_id = ? AND source = 'ONLINE_PATIENT_PAYMENT'"
                            + " ORDER BY paid_at DESC, id DESC LIMIT 50")) {
                s.setObject(1, practice);
                floor = time(LIST_RUNS, () -> {
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rs.getLong(2);
                        }
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                });
            }
            assertThat(app.send("GET", roi, null, TestApp.KEY, null, as)
                            .json()
                            .get("allCents")
                            .asLong())
                    .isPositive();
            System.out.printf(
                    "%n=== ConsoleBenchmark: practice with %d payments over 90 days, one client ===%n"
                            + "payments page of 50, first:      p50=%.2f ms  p95=%.2f ms%n"
                            + "payments page of 50, by cursor:  p50=%.2f ms  p95=%.2f ms%n"
                            + "payments by account number:      p50=%.2f ms  p95=%.2f ms%n"
                            + "ROI over 90 days:                p50=%.2f ms  p95=%.2f ms%n"
                            + "floor, 50 rows by bare JDBC:     p50=%.2f ms  p95=%.2f ms  (page p95 / floor p95 = %.1fx)%n"
                            + "load average at the end: %.2f on %d cores (shared machine)%n"
                            + "==================================================%n",
                    PAYMENTS,
                    ms(first, .5),
                    ms(first, .95),
                    ms(later, .5),
                    ms(later, .95),
                    ms(account, .5),
                    ms(account, .95),
                    ms(report, .5),
                    ms(report, .95),
                    ms(floor, .5),
                    ms(floor, .95),
                    ms(first, .95) / ms(floor, .95),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** A practice, two locations, households with one patient, and PAYMENTS payments each paying one charge. */
    private static void seed(TestApp app, UUID practice, UUID staff) throws Exception {
        Random random = new Random(14);
        String[] sources = {
            "ONLINE_PATIENT_PAYMENT", "ONLINE_PATIENT_PAYMENT", "CASH", "CARD_IN_OFFICE", "CHECK", "OTHER"
        };
        String[] codes = {"D0120", "D1110", "D2392", "D4341", "D7140"};
        try (Connection c = app.connect()) {
            c.setAutoCommit(false);
            exec(
                    c,
                    "INSERT INTO practices (id, tenant_id, company_id, name, time_zone) VALUES (?, ?, ?, 'Bench Dental',"
                            + " 'America/Chicago')",
                    practice,
                    UUID.randomUUID(),
                    UUID.randomUUID());
            exec(c, "INSERT INTO practice_hashes (hash, practice_id) VALUES ('CNCHM7', ?)", practice);
            UUID[] locations = {UUID.randomUUID(), UUID.randomUUID()};
            exec(
                    c,
                    "INSERT INTO practice_locations (id, practice_id, name) VALUES (?, ?, 'East'), (?, ?, 'West')",
                    locations[0],
                    practice,
                    locations[1],
                    practice);
            UUID provider = UUID.randomUUID();
            exec(
                    c,
                    "INSERT INTO providers (id, practice_id, display_name) VALUES (?, ?, 'Dr. Bench')",
                    provider,
                    practice);
            exec(
                    c,
                    "INSERT INTO staff_accounts (id, email, display_name, password_hash) VALUES (?, 'bench@example.test',"
                            + " 'Bench', '$argon2id$bench')",
                    staff);
            exec(
                    c,
                    "INSERT INTO staff_memberships (staff_id, practice_id, role) VALUES (?, ?, 'PRACTICE_ADMIN')",
                    staff,
                    practice);
            UUID[] households = new UUID[HOUSEHOLDS];
            UUID[] patients = new UUID[HOUSEHOLDS];
            try (PreparedStatement h = c.prepareStatement("INSERT INTO households (id, practice_id, account_number,"
                            + " guarantor_first_name, guarantor_last_name) VALUES (?, ?, ?, 'Pat', 'Bench')");
                    PreparedStatement p = c.prepareStatement("INSERT INTO patients (id, household_id, first_name,"
                            + " last_name) VALUES (?, ?, 'Pat', 'Bench')")) {
                for (int i = 0; i < HOUSEHOLDS; i++) {
                    households[i] = UUID.randomUUID();
                    patients[i] = UUID.randomUUID();
                    h.setObject(1, households[i]);
                    h.setObject(2, practice);
                    h.setString(3, String.format("B%05d", i));
                    h.addBatch();
                    p.setObject(1, patients[i]);
                    p.setObject(2, households[i]);
                    p.addBatch();
                }
                h.executeBatch();
                p.executeBatch();
            }
            LocalDate today = LocalDate.now(ZONE);
            try (PreparedStatement ch = c.prepareStatement("INSERT INTO charges (id, household_id, patient_id,"
                            + " location_id, provider_id, service_date, procedure_code, amount_cents) VALUES (?, ?, ?, ?, ?, ?, ?,"
                            + " ?)");
                    PreparedStatement tx = c.prepareStatement("INSERT INTO transactions (id, provider_reference,"
                            + " practice_id, household_id, source, status, amount_cents, currency, paid_at) VALUES (?, ?, ?,"
                            + " ?, ?, 'SUCCEEDED', ?, 'USD', ?)");
                    PreparedStatement ap = c.prepareStatement("INSERT INTO payment_applications (transaction_id,"
                            + " charge_id, amount_cents, kind, balance_after_cents) VALUES (?, ?, ?, 'PAYMENT', 0)")) {
                for (int i = 0; i < PAYMENTS; i++) {
                    int hh = random.nextInt(HOUSEHOLDS);
                    long cents = 2_000 + random.nextInt(40_000);
                    LocalDate paid = today.minusDays(random.nextInt(90));
                    UUID charge = UUID.randomUUID();
                    UUID t = UUID.randomUUID();
                    ch.setObject(1, charge);
                    ch.setObject(2, households[hh]);
                    ch.setObject(3, patients[hh]);
                    ch.setObject(4, locations[random.nextInt(2)]);
                    ch.setObject(5, provider);
                    ch.setObject(6, java.sql.Date.valueOf(paid.minusDays(random.nextInt(60))));
                    ch.setString(7, codes[random.nextInt(codes.length)]);
                    ch.setLong(8, cents);
                    ch.addBatch();
                    tx.setObject(1, t);
                    tx.setString(2, "pi_console_bench_" + i);
                    tx.setObject(3, practice);
                    tx.setObject(4, households[hh]);
                    tx.setString(5, sources[random.nextInt(sources.length)]);
                    tx.setLong(6, cents);
                    tx.setTimestamp(
                            7,
                            Timestamp.from(paid.atTime(9 + random.nextInt(8), 0)
                                    .atZone(ZONE)
                                    .toInstant()));
                    tx.addBatch();
                    ap.setObject(1, t);
                    ap.setObject(2, charge);
                    ap.setLong(3, cents);
                    ap.addBatch();
                    if (i % 2_000 == 1_999) {
                        ch.executeBatch();
                        tx.executeBatch();
                        ap.executeBatch();
                    }
                }
            }
            c.commit();
            c.createStatement().execute("ANALYZE");
        }
    }

    private static void exec(Connection c, String sql, Object... params) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static long[] time(int runs, java.util.concurrent.Callable<?> call) throws Exception {
        long[] out = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Object r = call.call();
            out[i] = System.nanoTime() - t0;
            if (r instanceof TestApp.Response response) {
                assertThat(response.status()).as(response.raw()).isEqualTo(200);
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static double ms(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}

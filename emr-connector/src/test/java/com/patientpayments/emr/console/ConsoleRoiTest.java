package com.patientpayments.emr.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.emr.support.TestApp;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's ROI against figures computed here, independently, from the seeded rows (the demo's 90 days of
 * history across two locations and four sources), after a posted refund and a lost dispute make "net" matter: totals,
 * by source, by day, by location, by category, households paying online, median days to pay, the funnel; and one
 * location alone. Also: another practice's staff get 404 (no cross-practice read) and the read is audited.
 */
class ConsoleRoiTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static TestApp app;
    private static String bright;
    private static String admin;
    private static String lakesideAdmin;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start();
        bright = id("patient-payments-demo:practice:bright");
        admin = id("patient-payments-demo:staff:bright:admin");
        lakesideAdmin = id("patient-payments-demo:staff:lakeside:admin");
        try (Connection c = app.connect();
                Statement s = c.createStatement()) {
            // A posted refund of $10.00 and a lost dispute on two online history payments (directly as rows: what
            // the ledger's refund and dispute paths leave behind).
            s.execute("INSERT INTO refunds (id, refund_id, transaction_id, amount_cents, status)"
                    + " SELECT gen_random_uuid(), 're_roi_test', id, 1000, 'succeeded' FROM transactions"
                    + " WHERE provider_reference LIKE 'pi_demo_hist_bright-%' ORDER BY paid_at LIMIT 1");
            s.execute("INSERT INTO refunds (id, refund_id, transaction_id, amount_cents, status)"
                    + " SELECT gen_random_uuid(), 're_roi_failed', id, 700, 'failed' FROM transactions"
                    + " WHERE provider_reference LIKE 'pi_demo_hist_bright-%' ORDER BY paid_at LIMIT 1");
            s.execute("INSERT INTO dispute_states (dispute_id, transaction_id, amount_cents, status)"
                    + " SELECT 'dp_roi_test', id, amount_cents, 'lost' FROM transactions"
                    + " WHERE provider_reference LIKE 'pi_demo_hist_bright-%' ORDER BY paid_at DESC LIMIT 1");
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void wholePracticeMatchesFiguresComputedFromTheRows() throws Exception {
        LocalDate to = LocalDate.now(CHICAGO);
        LocalDate from = to.minusDays(90);
        JsonNode roi = roi(admin, from, to, null);
        Expected e = expected(from, to, null);

        assertThat(roi.get("onlineCents").asLong()).isEqualTo(e.online).isPositive();
        assertThat(roi.get("allCents").asLong()).isEqualTo(e.all).isGreaterThan(e.online);
        Map<String, Long> bySource = new HashMap<>();
        roi.get("bySource")
                .forEach(r ->
                        bySource.put(r.get("source").asText(), r.get("cents").asLong()));
        assertThat(bySource).isEqualTo(e.bySource);
        assertThat(bySource.keySet())
                .containsExactlyInAnyOrder("ONLINE_PATIENT_PAYMENT", "IN_OFFICE", "MAIL_CHECK", "OTHER");
        Map<String, Long> byDay = new TreeMap<>();
        roi.get("byDay")
                .forEach(r ->
                        byDay.put(r.get("date").asText(), r.get("onlineCents").asLong()));
        assertThat(byDay).hasSize(91);
        byDay.values().removeIf(v -> v == 0);
        assertThat(byDay).isEqualTo(e.onlineByDay);
        Map<String, Long> byLocation = new HashMap<>();
        roi.get("byLocation")
                .forEach(r -> byLocation.put(
                        r.get("locationName").asText(), r.get("allCents").asLong()));
        assertThat(byLocation).isEqualTo(e.allByLocation).containsOnlyKeys("Downtown", "Northside");
        Map<String, Long> byCategory = new HashMap<>();
        roi.get("byProcedureCategory")
                .forEach(r -> byCategory.put(
                        r.get("category").asText(), r.get("allCents").asLong()));
        assertThat(byCategory).isEqualTo(e.allByCategory);
        assertThat(roi.get("householdsPayingOnlineShare").asDouble()).isEqualTo(e.share);
        assertThat(roi.get("medianDaysToPayOnline").asDouble()).isEqualTo(e.medianOnline);
        assertThat(roi.get("medianDaysToPayOther").asDouble()).isEqualTo(e.medianOther);
        Map<String, Long> funnel = new HashMap<>();
        roi.get("funnel")
                .forEach(r -> funnel.put(r.get("step").asText(), r.get("count").asLong()));
        assertThat(funnel).isEqualTo(e.funnel);
        assertThat(funnel.get("LANDING"))
                .isGreaterThanOrEqualTo(funnel.get("PAYMENT_COMPLETED"))
                .isPositive();
    }

    @Test
    void oneLocationCountsWhatPaymentsAppliedToItsCharges() throws Exception {
        LocalDate to = LocalDate.now(CHICAGO);
        LocalDate from = to.minusDays(60);
        String northside = id("patient-payments-demo:location:northside");
        JsonNode roi = roi(admin, from, to, northside);
        Expected e = expected(from, to, northside);
        assertThat(roi.get("allCents").asLong()).isEqualTo(e.all).isPositive();
        assertThat(roi.get("onlineCents").asLong()).isEqualTo(e.online);
        assertThat(roi.get("byLocation")).hasSize(1);
        assertThat(roi.get("byLocation").get(0).get("locationName").asText()).isEqualTo("Northside");
    }

    @Test
    void anotherPracticesStaffGetNotFoundAndReadsAreAudited() throws Exception {
        LocalDate to = LocalDate.now(CHICAGO);
        TestApp.Response other = app.send(
                "GET",
                "/api/v1/console/practices/" + bright + "/roi?from=" + to.minusDays(7) + "&to=" + to,
                null,
                TestApp.KEY,
                null,
                Map.of("X-Staff-Id", lakesideAdmin));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.raw()).doesNotContain("onlineCents");
        long before = count("SELECT COUNT(*) FROM staff_audit_log WHERE action = 'VIEW_ROI' AND staff_id = '" + admin
                + "' AND practice_id = '" + bright + "'");
        roi(admin, to.minusDays(7), to, null);
        assertThat(count("SELECT COUNT(*) FROM staff_audit_log WHERE action = 'VIEW_ROI' AND staff_id = '" + admin
                        + "' AND practice_id = '" + bright + "'"))
                .isEqualTo(before + 1);
        assertThat(count("SELECT COUNT(*) FROM staff_audit_log WHERE staff_id = '" + lakesideAdmin + "'"))
                .isZero();
    }

    private static JsonNode roi(String staff, LocalDate from, LocalDate to, String location) {
        TestApp.Response r = app.send(
                "GET",
                "/api/v1/console/practices/" + bright + "/roi?from=" + from + "&to=" + to
                        + (location == null ? "" : "&locationId=" + location),
                null,
                TestApp.KEY,
                null,
                Map.of("X-Staff-Id", staff));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    /** The figures, from plain queries over the rows and arithmetic here. */
    private static Expected expected(LocalDate from, LocalDate to, String location) throws Exception {
        Expected e = new Expected();
        Map<String, String> group = Map.of(
                "ONLINE_PATIENT_PAYMENT",
                "ONLINE_PATIENT_PAYMENT",
                "CASH",
                "IN_OFFICE",
                "CARD_IN_OFFICE",
                "IN_OFFICE",
                "CHECK",
                "MAIL_CHECK",
                "OTHER",
                "OTHER");
        group.values().forEach(g -> e.bySource.put(g, 0L));
        Set<String> households = new HashSet<>();
        Set<String> online = new HashSet<>();
        List<Long> daysOnline = new ArrayList<>();
        List<Long> daysOther = new ArrayList<>();
        String window = "t.practice_id = '" + bright + "' AND (t.paid_at AT TIME ZONE 'America/Chicago')::date"
                + " BETWEEN '" + from + "' AND '" + to + "' AND t.source <> 'INSURANCE'";
        try (Connection c = app.connect();
                Statement s = c.createStatement()) {
            // Per transaction: amount − succeeded refunds − lost disputes, or (one location) its applications there.
            String net = location == null
                    ? "t.amount_cents - COALESCE((SELECT SUM(amount_cents) FROM refunds r WHERE r.transaction_id = t.id"
                            + " AND r.status = 'succeeded'), 0) - COALESCE((SELECT SUM(amount_cents) FROM dispute_states d"
                            + " WHERE d.transaction_id = t.id AND d.status = 'lost'), 0)"
                    : "(SELECT SUM(a.amount_cents) FROM payment_applications a JOIN charges ch ON ch.id = a.charge_id"
                            + " WHERE a.transaction_id = t.id AND ch.location_id = '" + location + "')";
            try (ResultSet rs = s.executeQuery("SELECT t.source, t.household_id, (t.paid_at AT TIME ZONE"
                    + " 'America/Chicago')::date, " + net + " FROM transactions t WHERE " + window)) {
                while (rs.next()) {
                    if (rs.getObject(4) == null) {
                        continue;
                    }
                    long cents = Math.max(location == null ? 0 : Long.MIN_VALUE, rs.getLong(4));
                    boolean isOnline = rs.getString(1).equals("ONLINE_PATIENT_PAYMENT");
                    e.bySource.merge(group.get(rs.getString(1)), cents, Long::sum);
                    e.all += cents;
                    households.add(rs.getString(2));
                    if (isOnline) {
                        e.online += cents;
                        online.add(rs.getString(2));
                        if (cents != 0) {
                            e.onlineByDay.merge(rs.getString(3), cents, Long::sum);
                        }
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT loc.name, SUM(a.amount_cents) FROM payment_applications a"
                    + " JOIN transactions t ON t.id = a.transaction_id JOIN charges ch ON ch.id = a.charge_id"
                    + " JOIN practice_locations loc ON loc.id = ch.location_id WHERE " + window
                    + " GROUP BY loc.name")) {
                while (rs.next()) {
                    e.allByLocation.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT ch.procedure_code, a.amount_cents, a.kind, t.source,"
                    + " (t.paid_at AT TIME ZONE 'America/Chicago')::date - ch.service_date FROM payment_applications a"
                    + " JOIN transactions t ON t.id = a.transaction_id JOIN charges ch ON ch.id = a.charge_id"
                    + " WHERE " + window)) {
                Map<String, String> categories = Map.of(
                        "D0",
                        "Diagnostic",
                        "D1",
                        "Preventive",
                        "D2",
                        "Restorative",
                        "D3",
                        "Endodontics",
                        "D4",
                        "Periodontics",
                        "D7",
                        "Oral surgery",
                        "D9",
                        "Adjunctive services");
                while (rs.next()) {
                    e.allByCategory.merge(categories.get(rs.getString(1).substring(0, 2)), rs.getLong(2), Long::sum);
                    if (rs.getString(3).equals("PAYMENT")) {
                        (rs.getString(4).equals("ONLINE_PATIENT_PAYMENT") ? daysOnline : daysOther).add(rs.getLong(5));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT step, SUM(count) FROM funnel_daily WHERE practice_id = '"
                    + bright + "' AND day BETWEEN '" + from + "' AND '" + to + "' GROUP BY step")) {
                while (rs.next()) {
                    e.funnel.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        e.share = (double) online.size() / households.size();
        e.medianOnline = median(daysOnline);
        e.medianOther = median(daysOther);
        return e;
    }

    private static double median(List<Long> values) {
        List<Long> v = values.stream().sorted().toList();
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = app.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static final class Expected {
        long online;
        long all;
        final Map<String, Long> bySource = new HashMap<>();
        final Map<String, Long> onlineByDay = new TreeMap<>();
        final Map<String, Long> allByLocation = new HashMap<>();
        final Map<String, Long> allByCategory = new HashMap<>();
        final Map<String, Long> funnel = new HashMap<>();
        double share;
        double medianOnline;
        double medianOther;
    }
}

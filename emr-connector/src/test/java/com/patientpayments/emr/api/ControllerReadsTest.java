package com.patientpayments.emr.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.emr.support.Fixtures;
import com.patientpayments.emr.support.TestApp;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The controllers' own small reads over HTTP against a practice of this test's: the practice behind an inactive hash
 * (the funnel still counts it, receipt branding still answers), a location or household account of another practice
 * (404, like an unknown one), the reconciliation runs newest first, an unknown household (404), and the ROI of one
 * location of a practice with one online payment.
 */
class ControllerReadsTest {
    private static final String HASH_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static TestApp app;
    private static Fixtures.Household h;
    private static Fixtures.Household other;
    private static UUID location;
    private static UUID otherLocation;
    private static String staff;
    private static String inactiveHash;

    @BeforeAll
    static void start() throws SQLException {
        app = TestApp.start();
        inactiveHash = hash();
        try (Connection c = app.connect()) {
            h = Fixtures.household(c, "Reads", List.of(new Fixtures.ChargeSpec(LocalDate.of(2026, 3, 1), 5000)));
            other = Fixtures.household(c, "Elsewhere", List.of());
            location = uuid(c, "SELECT id FROM practice_locations WHERE practice_id = ?", h.practiceId());
            otherLocation = uuid(c, "SELECT id FROM practice_locations WHERE practice_id = ?", other.practiceId());
            exec(
                    c,
                    "INSERT INTO practice_hashes (hash, practice_id, active) VALUES (?, ?, false)",
                    inactiveHash,
                    h.practiceId());
            staff = UUID.randomUUID().toString();
            exec(
                    c,
                    "INSERT INTO staff_accounts (id, email, display_name, password_hash) VALUES (?, ?, 'Rae Reads',"
                            + " '$argon2id$v=19$m=1,t=1,p=1$x$y')",
                    UUID.fromString(staff),
                    "rae-" + staff + "@example.test");
            exec(
                    c,
                    "INSERT INTO staff_memberships (staff_id, practice_id, role) VALUES (?, ?, 'PRACTICE_ADMIN')",
                    UUID.fromString(staff),
                    h.practiceId());
        }
        // paid 2026-11-01T10:00:00Z (the practice's zone is UTC), 245 days after the date of service
        assertThat(app.pay(h.id(), 1200, "pi_reads_" + staff).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theFunnelCountsAPracticeByAnInactiveHashAndIgnoresAnUnknownOne() throws SQLException {
        assertThat(app.post("/api/v1/console/funnel", TestApp.json("practiceHash", inactiveHash, "step", "SIGNED_IN"))
                        .status())
                .isEqualTo(204);
        assertThat(app.post("/api/v1/console/funnel", TestApp.json("practiceHash", hash(), "step", "SIGNED_IN"))
                        .status())
                .isEqualTo(204);
        try (Connection c = app.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT step, SUM(count) FROM funnel_daily WHERE practice_id = ? GROUP BY step")) {
            ps.setObject(1, h.practiceId());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("SIGNED_IN");
                assertThat(rs.getLong(2)).isEqualTo(1);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void receiptBrandingAnswersForAnInactiveHashAnd404ForAnUnknownOne() {
        TestApp.Response r = app.get("/api/v1/practices/by-hash/" + inactiveHash + "/receipt-branding");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("signatureText").isNull()).isTrue();
        assertThat(app.get("/api/v1/practices/by-hash/" + hash() + "/receipt-branding")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void reconciliationRunsComeNewestFirstUpToTheLimit() {
        String older = TestApp.json(
                "startedAt", "2099-01-01T00:00:00Z",
                "from", "2098-12-31T00:00:00Z",
                "to", "2099-01-01T00:00:00Z",
                "checked", 4,
                "repaired", 1);
        String newer = TestApp.json(
                "startedAt", "2099-01-02T00:00:00.123456Z",
                "from", "2099-01-01T00:00:00Z",
                "to", "2099-01-02T00:00:00Z",
                "checked", 7,
                "repaired", 0);
        assertThat(app.post("/api/v1/console/reconciliation-runs", older).status())
                .isEqualTo(200);
        assertThat(app.post("/api/v1/console/reconciliation-runs", newer).status())
                .isEqualTo(200);
        JsonNode one = app.get("/api/v1/console/reconciliation-runs?limit=1").json();
        assertThat(one).hasSize(1);
        assertThat(one.get(0).toString()).isEqualTo(newer);
        JsonNode two = app.get("/api/v1/console/reconciliation-runs?limit=2").json();
        assertThat(two.get(1).toString()).isEqualTo(older);
    }

    @Test
    void aHouseholdAccountOrLocationOfAnotherPracticeIsNotFound() {
        assertThat(console("/households/by-account/" + h.accountNumber())
                        .json()
                        .get("accountNumber")
                        .asText())
                .isEqualTo(h.accountNumber());
        assertThat(console("/households/by-account/" + other.accountNumber()).status())
                .isEqualTo(404);
        assertThat(console("/roi?from=2026-11-01&to=2026-11-01&locationId=" + otherLocation)
                        .status())
                .isEqualTo(404);
        assertThat(app.get("/api/v1/households/" + UUID.randomUUID() + "/allocation-preview?amountCents=100")
                        .status())
                .isEqualTo(404);
        assertThat(app.get("/api/v1/households/" + UUID.randomUUID() + "/payment-attempts?since=2020-01-01T00:00:00Z")
                        .status())
                .isEqualTo(404);
        assertThat(app.get("/api/v1/households/" + h.id() + "/payment-attempts?since=2020-01-01T00:00:00Z")
                        .json())
                .hasSize(1);
    }

    @Test
    void theRoiOfOneLocationCountsItsPayment() {
        JsonNode roi = console("/roi?from=2026-11-01&to=2026-11-01&locationId=" + location)
                .json();
        assertThat(roi.get("allCents").asLong()).isEqualTo(1200);
        assertThat(roi.get("onlineCents").asLong()).isEqualTo(1200);
        assertThat(roi.get("byLocation")).hasSize(1);
        assertThat(roi.get("byLocation").get(0).get("locationName").asText()).isEqualTo("Main");
        assertThat(roi.get("byProcedureCategory").get(0).get("category").asText())
                .isEqualTo("Diagnostic");
        assertThat(roi.get("medianDaysToPayOnline").asDouble()).isEqualTo(245.0);
        assertThat(roi.get("byDay").get(0).get("allCents").asLong()).isEqualTo(1200);
        assertThat(console("/roi?from=2026-11-02&to=2026-11-02")
                        .json()
                        .get("allCents")
                        .asLong())
                .isZero();
    }

    private static TestApp.Response console(String path) {
        return app.send(
                "GET",
                "/api/v1/console/practices/" + h.practiceId() + path,
                null,
                TestApp.KEY,
                null,
                Map.of("X-Staff-Id", staff));
    }

    private static String hash() {
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            b.append(HASH_ALPHABET.charAt(RANDOM.nextInt(HASH_ALPHABET.length())));
        }
        return b.toString();
    }

    private static UUID uuid(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (UUID) rs.getObject(1);
            }
        }
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}

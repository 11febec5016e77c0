package com.patientpayments.emr.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.emr.support.Fixtures;
import com.patientpayments.emr.support.TestApp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's payment list and detail over HTTP against real rows of a practice of its own: three online payments
 * on two charges, then on the middle one a posted refund, a console request still pending, a refused one, an inquiry
 * and a staff audit row. The list: keyset pages that neither skip nor repeat, the total, the filters (amount range,
 * status, account number, location, provider reference). The detail: allocations in allocation order with what
 * remained, the timeline by time with each kind and status mapped, the audit rows (the ledger's without an actor,
 * the staff's with the display name), and what may still be refunded.
 */
class ConsolePaymentsReadTest {
    private static TestApp app;
    private static Fixtures.Household h;
    private static UUID location;
    private static String staff;
    private static final List<String> TX = new ArrayList<>();

    @BeforeAll
    static void start() throws SQLException {
        app = TestApp.start();
        String tag = Long.toString(System.nanoTime(), 36);
        try (Connection c = app.connect()) {
            h = Fixtures.household(
                    c,
                    "Console",
                    List.of(
                            new Fixtures.ChargeSpec(LocalDate.of(2026, 3, 1), 5000),
                            new Fixtures.ChargeSpec(LocalDate.of(2026, 3, 2), 3000)));
            staff = UUID.randomUUID().toString();
            exec(
                    c,
                    "INSERT INTO staff_accounts (id, email, display_name, password_hash) VALUES (?, ?, 'Dana Desk',"
                            + " '$argon2id$v=19$m=1,t=1,p=1$x$y')",
                    UUID.fromString(staff),
                    "dana-" + tag + "@example.test");
            exec(
                    c,
                    "INSERT INTO staff_memberships (staff_id, practice_id, role) VALUES (?, ?, 'BILLING')",
                    UUID.fromString(staff),
                    h.practiceId());
        }
        // 2000 to the first charge; 4000: 3000 to the first, 1000 to the second; 1000 to the second
        for (long cents : new long[] {2000, 4000, 1000}) {
            TX.add(app.pay(h.id(), cents, "pi_console_" + tag + "_" + cents)
                    .json()
                    .get("id")
                    .asText());
        }
        UUID middle = UUID.fromString(TX.get(1));
        try (Connection c = app.connect()) {
            location = (UUID) one(
                    c,
                    "SELECT location_id FROM charges WHERE id = ?",
                    h.chargeIds().get(0));
            exec(
                    c,
                    "INSERT INTO refunds (id, refund_id, transaction_id, amount_cents, status, updated_at)"
                            + " VALUES (gen_random_uuid(), ?, ?, 500, 'succeeded', ?)",
                    "re_posted_" + tag,
                    middle,
                    at("2026-11-02T00:00:00Z"));
            exec(
                    c,
                    "INSERT INTO refund_requests (id, transaction_id, staff_id, amount_cents, reason, idempotency_key,"
                            + " status, provider_refund_id, updated_at) VALUES (gen_random_uuid(), ?, ?, 300,"
                            + " 'DUPLICATE', ?, 'SUBMITTED', ?, ?)",
                    middle,
                    UUID.fromString(staff),
                    "k1-" + tag,
                    "re_pending_" + tag,
                    at("2026-11-03T00:00:00Z"));
            exec(
                    c,
                    "INSERT INTO refund_requests (id, transaction_id, staff_id, amount_cents, reason, idempotency_key,"
                            + " status, updated_at) VALUES (gen_random_uuid(), ?, ?, 200, 'OTHER', ?, 'REFUSED', ?)",
                    middle,
                    UUID.fromString(staff),
                    "k2-" + tag,
                    at("2026-11-04T00:00:00Z"));
            exec(
                    c,
                    "INSERT INTO dispute_states (dispute_id, transaction_id, amount_cents, status, updated_at)"
                            + " VALUES (?, ?, 4000, 'warning_needs_response', ?)",
                    "du_inquiry_" + tag,
                    middle,
                    at("2026-11-05T00:00:00Z"));
            exec(
                    c,
                    "INSERT INTO staff_audit_log (staff_id, practice_id, action, transaction_id, amount_cents)"
                            + " VALUES (?, ?, 'REFUND_REQUESTED', ?, 300)",
                    UUID.fromString(staff),
                    h.practiceId(),
                    middle);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void pagesFollowTheKeysetWithoutSkippingOrRepeating() {
        JsonNode first = list("first=2");
        assertThat(first.get("totalCount").asLong()).isEqualTo(3);
        assertThat(first.get("hasNextPage").asBoolean()).isTrue();
        assertThat(first.get("rows")).hasSize(2);
        JsonNode second = list("first=2&after=" + first.get("endCursor").asText());
        assertThat(second.get("totalCount").asLong()).isEqualTo(3);
        assertThat(second.get("hasNextPage").asBoolean()).isFalse();
        assertThat(second.get("rows")).hasSize(1);
        List<String> ids = new ArrayList<>();
        first.get("rows").forEach(r -> ids.add(r.get("transactionId").asText()));
        second.get("rows").forEach(r -> ids.add(r.get("transactionId").asText()));
        // one paid-at for all three: newest first falls back to the id, descending
        assertThat(ids)
                .containsExactlyElementsOf(
                        TX.stream().sorted((a, b) -> b.compareTo(a)).toList());
        JsonNode row = first.get("rows").get(0);
        assertThat(row.get("paidAt").asText()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(row.get("accountNumber").asText()).isEqualTo(h.accountNumber());
        assertThat(row.get("guarantorName").asText()).isEqualTo("Pat Console");
        assertThat(row.get("methodLast4").asText()).isEqualTo("4242");
        assertThat(row.has("allocations")).isFalse();
        assertThat(list("first=0").has("rows")).isFalse();
    }

    @Test
    void filtersNarrowTheListAndItsTotal() {
        assertThat(ids(list("minAmountCents=1500&maxAmountCents=3000"))).containsExactly(TX.get(0));
        assertThat(ids(list("minAmountCents=2000"))).containsExactlyInAnyOrder(TX.get(0), TX.get(1));
        assertThat(list("minAmountCents=2000").get("totalCount").asLong()).isEqualTo(2);
        // the stored status: the rows added here directly did not go through the ledger's refund path
        assertThat(ids(list("status=SUCCEEDED"))).hasSize(3);
        assertThat(ids(list("status=REFUNDED,DISPUTED"))).isEmpty();
        assertThat(ids(list("status=DISPUTED,SUCCEEDED&maxAmountCents=1000"))).containsExactly(TX.get(2));
        assertThat(ids(list("accountNumber=" + h.accountNumber()))).hasSize(3);
        assertThat(ids(list("accountNumber=NOPE"))).isEmpty();
        assertThat(list("accountNumber=NOPE").get("totalCount").asLong()).isZero();
        assertThat(ids(list("locationId=" + location))).hasSize(3);
        assertThat(ids(list("locationId=" + UUID.randomUUID()))).isEmpty();
        assertThat(ids(list("transactionId=" + TX.get(2)))).containsExactly(TX.get(2));
        String reference = list("transactionId=" + TX.get(0))
                .get("rows")
                .get(0)
                .get("providerReference")
                .asText();
        assertThat(ids(list("providerReference=" + reference))).containsExactly(TX.get(0));
        assertThat(ids(list("from=2026-11-02"))).isEmpty();
        assertThat(ids(list("from=2026-11-01&to=2026-11-01"))).hasSize(3);
    }

    @Test
    void theDetailHasAllocationsTimelineAndAudit() {
        JsonNode p = detail(TX.get(1));
        assertThat(p.get("amountCents").asLong()).isEqualTo(4000);
        assertThat(p.get("refundedCents").asLong()).isEqualTo(500);
        // 4000 − the posted refund − the request still pending (the refused one holds nothing)
        assertThat(p.get("refundableCents").asLong()).isEqualTo(3200);

        JsonNode a = p.get("allocations");
        assertThat(a).hasSize(2);
        assertThat(a.get(0).get("chargeId").asText())
                .isEqualTo(h.chargeIds().get(0).toString());
        assertThat(a.get(0).get("serviceDate").asText()).isEqualTo("2026-03-01");
        assertThat(a.get(0).get("patientName").asText()).isEqualTo("Pat Console");
        assertThat(a.get(0).get("procedureCode").asText()).isEqualTo("D0120");
        assertThat(a.get(0).get("procedureName").asText()).isNotBlank();
        assertThat(a.get(0).get("locationName").asText()).isEqualTo("Main");
        assertThat(a.get(0).get("appliedCents").asLong()).isEqualTo(3000);
        assertThat(a.get(0).get("remainingCents").asLong()).isZero();
        assertThat(a.get(1).get("chargeId").asText())
                .isEqualTo(h.chargeIds().get(1).toString());
        assertThat(a.get(1).get("appliedCents").asLong()).isEqualTo(1000);
        assertThat(a.get(1).get("remainingCents").asLong()).isEqualTo(2000);

        List<String> timeline = new ArrayList<>();
        p.get("timeline")
                .forEach(t -> timeline.add(t.get("kind").asText() + " "
                        + t.get("status").asText() + " "
                        + t.get("amountCents").asLong() + " " + t.get("at").asText() + " "
                        + (t.get("reference").isNull()
                                ? "-"
                                : t.get("reference").asText().replaceAll("_[^_]+$", ""))));
        assertThat(timeline)
                .containsExactly(
                        "REFUND SUCCEEDED 500 2026-11-02T00:00:00Z re_posted",
                        "REFUND PENDING 300 2026-11-03T00:00:00Z re_pending",
                        "REFUND FAILED 200 2026-11-04T00:00:00Z -",
                        "INQUIRY NEEDS_RESPONSE 4000 2026-11-05T00:00:00Z du_inquiry");

        JsonNode audit = p.get("audit");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("TRANSACTION_POSTED");
        assertThat(audit.get(0).get("actor").isNull()).isTrue();
        assertThat(audit.get(0).get("amountCents").asLong()).isEqualTo(4000);
        JsonNode last = audit.get(audit.size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("REFUND_REQUESTED");
        assertThat(last.get("actor").asText()).isEqualTo("Dana Desk");
        assertThat(last.get("amountCents").asLong()).isEqualTo(300);
        for (int i = 1; i < audit.size(); i++) {
            assertThat(Instant.parse(audit.get(i).get("at").asText()))
                    .isAfterOrEqualTo(Instant.parse(audit.get(i - 1).get("at").asText()));
        }

        JsonNode plain = detail(TX.get(2));
        assertThat(plain.get("timeline")).isEmpty();
        assertThat(plain.get("refundableCents").asLong()).isEqualTo(1000);
        assertThat(app.send(
                                "GET",
                                base() + "/payments/" + UUID.randomUUID(),
                                null,
                                TestApp.KEY,
                                null,
                                Map.of("X-Staff-Id", staff))
                        .status())
                .isEqualTo(404);
    }

    private static String base() {
        return "/api/v1/console/practices/" + h.practiceId();
    }

    private static JsonNode list(String query) {
        TestApp.Response r =
                app.send("GET", base() + "/payments?" + query, null, TestApp.KEY, null, Map.of("X-Staff-Id", staff));
        return r.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("rows").forEach(r -> out.add(r.get("transactionId").asText()));
        return out;
    }

    private static JsonNode detail(String tx) {
        TestApp.Response r =
                app.send("GET", base() + "/payments/" + tx, null, TestApp.KEY, null, Map.of("X-Staff-Id", staff));
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    private static Object one(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
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

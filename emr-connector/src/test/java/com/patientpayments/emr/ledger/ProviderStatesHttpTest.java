package com.patientpayments.emr.ledger;

import static com.patientpayments.emr.support.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.emr.support.Fixtures;
import com.patientpayments.emr.support.TestApp;
import com.patientpayments.emr.support.TestAppPerClass;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Refunds and disputes at the provider's current status over HTTP: inquiries move nothing, failed and canceled refunds
 * are applied again, reports that arrive before their payment are parked and applied when it posts, any order of
 * reports ends in the same ledger; the allocation preview is what the posting does; recent and stale attempts.
 */
class ProviderStatesHttpTest extends TestAppPerClass {
    private static final LocalDate D = LocalDate.of(2026, 5, 1);

    @Test
    void anInquiryMovesNoMoneyAndAnEscalatedOneDoes() throws Exception {
        Fixtures.Household h =
                household(new Fixtures.ChargeSpec(D, 4000), new Fixtures.ChargeSpec(D.plusDays(1), 3000));
        String tx = app.pay(h.id(), 7000, "pi_inquiry").json().get("id").asText();
        for (String status : List.of("warning_needs_response", "warning_under_review")) {
            JsonNode d = dispute(tx, "du_inquiry", 7000, status).json();
            assertThat(d.get("fundsWithdrawn").asBoolean()).isFalse();
            assertThat(d.get("reversals")).isEmpty();
            assertThat(charges(h.id()).get("charges"))
                    .as("nothing owed again, nothing flagged")
                    .isEmpty();
            assertThat(txStatus(tx)).isEqualTo("SUCCEEDED");
        }
        dispute(tx, "du_inquiry", 7000, "warning_closed");
        assertThat(txStatus(tx)).isEqualTo("SUCCEEDED");
        assertThat(app.get("/api/v1/transactions/" + tx + "/receipt").json().get("adjustments"))
                .isEmpty();

        // another payment: an inquiry that escalates to a chargeback withdraws the funds
        Fixtures.Household e = household(new Fixtures.ChargeSpec(D, 2500));
        String escalated =
                app.pay(e.id(), 2500, "pi_inquiry_escalated").json().get("id").asText();
        dispute(escalated, "du_escalated", 2500, "warning_needs_response");
        assertThat(charges(e.id()).get("disputedCents").asLong()).isZero();
        dispute(escalated, "du_escalated", 2500, "needs_response");
        assertThat(charges(e.id()).get("disputedCents").asLong()).isEqualTo(2500);
        assertThat(txStatus(escalated)).isEqualTo("DISPUTED");
    }

    @ParameterizedTest
    @CsvSource({"pending, failed", "pending, canceled", "succeeded, failed", "requires_action, canceled"})
    void aRefundThatFailsOrIsCanceledIsAppliedAgain(String first, String last) throws Exception {
        Fixtures.Household h =
                household(new Fixtures.ChargeSpec(D, 6000), new Fixtures.ChargeSpec(D.plusDays(3), 2000));
        String tx = app.pay(h.id(), 8000, "pi_refund_" + first + "_" + last)
                .json()
                .get("id")
                .asText();
        String refundId = "re_" + UUID.randomUUID().toString().replace("-", "");
        assertThat(refund(tx, refundId, 3000, first).status()).isEqualTo(201);
        assertThat(charges(h.id()).get("balanceCents").asLong()).isEqualTo(3000);
        assertThat(app.get("/api/v1/transactions/" + tx)
                        .json()
                        .get("refundedCents")
                        .asLong())
                .isEqualTo(3000);

        JsonNode after = refund(tx, refundId, 3000, last).json();
        assertThat(after.get("status").asText()).isEqualTo(last);
        assertThat(after.get("reversals")).isEmpty();
        assertThat(charges(h.id()).get("balanceCents").asLong())
                .as("the practice kept the money")
                .isZero();
        JsonNode t = app.get("/api/v1/transactions/" + tx).json();
        assertThat(t.get("refundedCents").asLong()).isZero();
        assertThat(t.get("status").asText()).isEqualTo("SUCCEEDED");
        // a late "succeeded" (or a repeat of the first report) does not bring the refund back
        assertThat(refund(tx, refundId, 3000, "succeeded").json().get("status").asText())
                .isEqualTo(last);
        assertThat(charges(h.id()).get("balanceCents").asLong()).isZero();
    }

    @Test
    void reportsBeforeTheirPaymentAreParkedAndAppliedWhenItPosts() throws Exception {
        Fixtures.Household h =
                household(new Fixtures.ChargeSpec(D, 5000), new Fixtures.ChargeSpec(D.plusDays(1), 5000));
        String reference = "pi_parked_" + UUID.randomUUID().toString().replace("-", "");
        TestApp.Response attempt = app.post(
                "/api/v1/payment-attempts",
                json("householdId", h.id().toString(), "amountCents", 10_000, "idempotencyKey", "key-" + reference));
        app.put(
                "/api/v1/payment-attempts/" + attempt.json().get("id").asText() + "/intent",
                json("providerIntentId", reference));

        TestApp.Response refund = app.post(
                "/api/v1/transactions/by-reference/" + reference + "/refunds",
                json("refundId", "re_parked", "amountCents", 1000, "status", "succeeded", "eventId", "evt_p1"));
        assertThat(refund.status()).isEqualTo(202);
        assertThat(refund.json().get("kind").asText()).isEqualTo("REFUND");
        // the same report again is parked once
        assertThat(app.post(
                                "/api/v1/transactions/by-reference/" + reference + "/refunds",
                                json("refundId", "re_parked", "amountCents", 1000, "status", "succeeded"))
                        .status())
                .isEqualTo(202);
        assertThat(app.post(
                                "/api/v1/transactions/by-reference/" + reference + "/disputes",
                                json("disputeId", "dp_parked", "amountCents", 9000, "status", "lost"))
                        .status())
                .isEqualTo(202);
        assertThat(app.post(
                                "/api/v1/transactions/by-reference/pi_nobody_knows/refunds",
                                json("refundId", "re_x", "amountCents", 100))
                        .status())
                .as("no attempt carries it")
                .isEqualTo(404);
        assertThat(charges(h.id()).get("balanceCents").asLong()).isEqualTo(10_000);

        JsonNode posted = app.postTransaction(reference, 10_000).json();
        assertThat(posted.get("status").asText()).isEqualTo("DISPUTE_LOST");
        assertThat(posted.get("refundedCents").asLong()).isEqualTo(1000);
        assertThat(charges(h.id()).get("balanceCents").asLong())
                .as("refund + lost dispute = all of it")
                .isEqualTo(10_000);
        assertThat(value("SELECT count(*) FROM parked_provider_events WHERE provider_reference = '" + reference
                        + "' AND applied_at IS NULL"))
                .isZero();
        // after posting, by-reference reports apply at once
        TestApp.Response failedNow = app.post(
                "/api/v1/transactions/by-reference/" + reference + "/refunds",
                json("refundId", "re_parked", "amountCents", 1000, "status", "failed"));
        assertThat(failedNow.status()).isEqualTo(200);
        assertThat(app.get("/api/v1/transactions/by-reference/" + reference)
                        .json()
                        .get("refundedCents")
                        .asLong())
                .isZero();
    }

    /** The same reports in any order (and repeated) leave the same ledger. */
    @Test
    void anyOrderOfReportsEndsInTheSameLedger() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String[]> reports = List.of(
                new String[] {"refund", "re_a", "2000", "pending"},
                new String[] {"refund", "re_a", "2000", "succeeded"},
                new String[] {"refund", "re_b", "1500", "succeeded"},
                new String[] {"refund", "re_b", "1500", "failed"},
                new String[] {"dispute", "dp_a", "6500", "warning_needs_response"},
                new String[] {"dispute", "dp_a", "6500", "needs_response"},
                new String[] {"dispute", "dp_a", "6500", "under_review"},
                new String[] {"dispute", "dp_a", "6500", "lost"});
        String expected = null;
        for (int run = 0; run < 6; run++) {
            Fixtures.Household h = household(
                    new Fixtures.ChargeSpec(D, 3000),
                    new Fixtures.ChargeSpec(D, 4000),
                    new Fixtures.ChargeSpec(D.plusDays(9), 2000));
            String suffix = "_" + run + "_" + seed;
            String tx =
                    app.pay(h.id(), 8500, "pi_order" + suffix).json().get("id").asText();
            List<String[]> shuffled = new ArrayList<>(reports);
            shuffled.addAll(reports.subList(0, random.nextInt(reports.size())));
            Collections.shuffle(shuffled, random);
            for (String[] r : shuffled) {
                TestApp.Response response = r[0].equals("refund")
                        ? refund(tx, r[1] + suffix, Long.parseLong(r[2]), r[3])
                        : dispute(tx, r[1] + suffix, Long.parseLong(r[2]), r[3]);
                assertThat(response.status()).as("seed " + seed).isBetween(200, 201);
            }
            JsonNode charges = charges(h.id());
            StringBuilder state = new StringBuilder(txStatus(tx) + " " + charges.get("balanceCents") + " "
                    + charges.get("disputedCents") + " " + charges.get("creditCents"));
            for (UUID c : h.chargeIds()) {
                state.append(' ').append(balance(c));
            }
            if (expected == null) {
                expected = state.toString();
                // 8500 paid (500 was still open): 2000 refunded (re_b failed), 6500 lost → all owed again, nothing
                // flagged
                assertThat(expected).isEqualTo("DISPUTE_LOST 9000 0 0 3000 4000 2000");
            }
            assertThat(state.toString()).as("seed " + seed + " order " + run).isEqualTo(expected);
        }
    }

    @Test
    void thePreviewIsWhatThePostingDoesIncludingDisputedChargesAndCredit() throws Exception {
        Random random = new Random(42);
        for (int run = 0; run < 5; run++) {
            Fixtures.Household h = household(
                    new Fixtures.ChargeSpec(D, 3000 + random.nextInt(5000)),
                    new Fixtures.ChargeSpec(D, 1000 + random.nextInt(3000)),
                    new Fixtures.ChargeSpec(D.plusDays(2), 2000 + random.nextInt(4000)));
            if (run % 2 == 0) {
                // dispute the oldest charge so it is listed but not payable
                String tx = app.pay(h.id(), 1000, "pi_preview_d" + run + "_" + h.id())
                        .json()
                        .get("id")
                        .asText();
                dispute(tx, "dp_preview_" + run + "_" + h.id(), 1000, "needs_response");
            }
            long balance = charges(h.id()).get("balanceCents").asLong();
            long amount = run == 4 ? balance + 700 : 1 + random.nextInt((int) balance);
            JsonNode preview = app.get("/api/v1/households/" + h.id() + "/allocation-preview?amountCents=" + amount)
                    .json();
            JsonNode posted =
                    app.pay(h.id(), amount, "pi_preview_" + run + "_" + h.id()).json();
            assertThat(preview.get("lines").size())
                    .isEqualTo(posted.get("allocations").size());
            for (int i = 0; i < preview.get("lines").size(); i++) {
                JsonNode p = preview.get("lines").get(i);
                JsonNode a = posted.get("allocations").get(i);
                assertThat(p.get("chargeId")).isEqualTo(a.get("chargeId"));
                assertThat(p.get("appliedCents")).isEqualTo(a.get("appliedCents"));
                assertThat(p.get("remainingCents")).isEqualTo(a.get("chargeBalanceAfterCents"));
            }
            assertThat(preview.get("creditCents").asLong())
                    .isEqualTo(posted.get("creditCents").asLong());
        }
        assertThat(app.get("/api/v1/households/" + UUID.randomUUID() + "/allocation-preview?amountCents=100")
                        .status())
                .isEqualTo(404);
        Fixtures.Household h = household(new Fixtures.ChargeSpec(D, 100));
        for (String bad : List.of("0", "-5", "1.5", "abc", "10000001")) {
            assertThat(app.get("/api/v1/households/" + h.id() + "/allocation-preview?amountCents=" + bad)
                            .status())
                    .as(bad)
                    .isEqualTo(400);
        }
    }

    @Test
    void recentAndStaleAttemptsAndResumingAfterADecline() throws Exception {
        Fixtures.Household h = household(new Fixtures.ChargeSpec(D, 9000));
        Instant before = Instant.now().minusSeconds(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode a = app.post(
                            "/api/v1/payment-attempts",
                            json(
                                    "householdId",
                                    h.id().toString(),
                                    "amountCents",
                                    100 + i,
                                    "idempotencyKey",
                                    "recent-" + i + "-" + h.id()))
                    .json();
            ids.add(a.get("id").asText());
            app.put(
                    "/api/v1/payment-attempts/" + a.get("id").asText() + "/intent",
                    json("providerIntentId", "pi_recent_" + i + "_" + h.id()));
        }
        app.post("/api/v1/payment-attempts/" + ids.get(0) + "/failure", json("failureCode", "card_declined"));
        JsonNode recent = app.get("/api/v1/households/" + h.id() + "/payment-attempts?since=" + before
                        + "&status=PROCESSING,SUCCEEDED")
                .json();
        assertThat(recent).hasSize(2);
        assertThat(recent.get(0).get("id").asText()).as("newest first").isEqualTo(ids.get(2));
        assertThat(app.get("/api/v1/households/" + h.id() + "/payment-attempts?since="
                                + Instant.now().plusSeconds(5))
                        .json())
                .isEmpty();
        assertThat(app.get("/api/v1/households/" + h.id() + "/payment-attempts?since=yesterday")
                        .status())
                .isEqualTo(400);

        JsonNode stale = app.get("/api/v1/payment-attempts?status=PROCESSING&updatedBefore="
                        + Instant.now().plusSeconds(1) + "&limit=500")
                .json();
        List<String> staleIds = new ArrayList<>();
        stale.forEach(a -> staleIds.add(a.get("id").asText()));
        assertThat(staleIds).contains(ids.get(1), ids.get(2)).doesNotContain(ids.get(0));

        JsonNode resumed = app.post("/api/v1/payment-attempts/" + ids.get(0) + "/resume", null)
                .json();
        assertThat(resumed.get("status").asText()).isEqualTo("PROCESSING");
        assertThat(resumed.get("failureCode").isNull()).isTrue();
    }

    private static String txStatus(String tx) {
        return app.get("/api/v1/transactions/" + tx).json().get("status").asText();
    }

    private static JsonNode charges(UUID householdId) {
        return app.get("/api/v1/households/" + householdId + "/charges").json();
    }

    private static TestApp.Response refund(String tx, String refundId, long cents, String status) {
        return app.post(
                "/api/v1/transactions/" + tx + "/refunds",
                json("refundId", refundId, "amountCents", cents, "status", status));
    }

    private static TestApp.Response dispute(String tx, String disputeId, long cents, String status) {
        return app.post(
                "/api/v1/transactions/" + tx + "/disputes",
                json("disputeId", disputeId, "amountCents", cents, "status", status));
    }

    private static Fixtures.Household household(Fixtures.ChargeSpec... charges) throws SQLException {
        try (Connection c = app.connect()) {
            return Fixtures.household(c, "Test", List.of(charges));
        }
    }

    private static long balance(UUID chargeId) throws SQLException {
        return value("SELECT c.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM payment_applications a"
                + " WHERE a.charge_id = c.id), 0) FROM charges c WHERE c.id = '" + chargeId + "'");
    }

    private static long value(String sql) throws SQLException {
        try (Connection c = app.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

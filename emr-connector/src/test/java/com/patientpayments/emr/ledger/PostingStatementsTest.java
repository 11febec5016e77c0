package com.patientpayments.emr.ledger;

import static com.patientpayments.emr.support.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.emr.support.Fixtures;
import com.patientpayments.emr.support.TestApp;
import com.patientpayments.emr.support.TestAppPerClass;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the posting path runs per request, tested directly: the allocatable read (mapped by position), the attempt's
 * update that also answers whether reports are parked for the payment, and the card's last four (a compiled pattern).
 */
class PostingStatementsTest extends TestAppPerClass {
    private static final LocalDate D = LocalDate.of(2026, 3, 1);

    @Test
    void theAllocatableChargesAreTheOpenOnesInAllocationOrderWithTheirBalances() throws Exception {
        // entry order: a later date first, then two on the same date, then the oldest
        Fixtures.Household h = household(
                new Fixtures.ChargeSpec(D.plusDays(5), 4000),
                new Fixtures.ChargeSpec(D.plusDays(1), 3000),
                new Fixtures.ChargeSpec(D.plusDays(1), 2000),
                new Fixtures.ChargeSpec(D, 1000));
        List<UUID> ids = h.chargeIds();
        // pays the oldest in full and 500 of the next
        assertThat(app.pay(
                                h.id(),
                                1500,
                                "pi_alloc_" + UUID.randomUUID().toString().replace("-", ""))
                        .status())
                .isEqualTo(201);

        List<Allocator.OpenCharge> open = tx().executeRead(
                        s -> app.context().getBean(LedgerRepository.class).allocatable(s.getConnection(), h.id()));

        assertThat(open)
                .containsExactly(
                        new Allocator.OpenCharge(ids.get(1), D.plusDays(1), entrySeq(ids.get(1)), Money.ofCents(2500)),
                        new Allocator.OpenCharge(ids.get(2), D.plusDays(1), entrySeq(ids.get(2)), Money.ofCents(2000)),
                        new Allocator.OpenCharge(ids.get(0), D.plusDays(5), entrySeq(ids.get(0)), Money.ofCents(4000)));
        assertThat(entrySeq(ids.get(1))).isLessThan(entrySeq(ids.get(2)));
    }

    @Test
    void markingTheAttemptSucceededAnswersWhetherReportsWaitForItsReference() throws Exception {
        Fixtures.Household h = household(new Fixtures.ChargeSpec(D, 5000));
        String reference = "pi_mark_" + UUID.randomUUID().toString().replace("-", "");
        UUID attempt = attempt(h, reference);

        assertThat(mark(attempt, reference)).as("nothing parked").isFalse();
        park(reference + "_other", "re_other", false);
        assertThat(mark(attempt, reference)).as("parked for another payment").isFalse();
        park(reference, "re_applied", true);
        assertThat(mark(attempt, reference))
                .as("parked for it, already applied")
                .isFalse();
        park(reference, "re_waiting", false);
        UUID txId = UUID.randomUUID();
        assertThat(markWith(attempt, reference, txId))
                .as("parked for it, waiting")
                .isTrue();

        try (Connection c = app.connect();
                PreparedStatement ps = c.prepareStatement("SELECT status, transaction_id, provider_intent_id,"
                        + " failure_code, failure_message FROM payment_attempts WHERE id = ?")) {
            ps.setObject(1, attempt);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("SUCCEEDED");
                assertThat(rs.getObject(2, UUID.class)).isEqualTo(txId);
                assertThat(rs.getString(3)).isEqualTo(reference);
                assertThat(rs.getString(4)).isNull();
                assertThat(rs.getString(5)).isNull();
            }
        }
    }

    @Test
    void theCardsLastFourAreExactlyFourAsciiDigits() throws Exception {
        Fixtures.Household h = household(new Fixtures.ChargeSpec(D, 5000));
        String reference = "pi_last4_" + UUID.randomUUID().toString().replace("-", "");
        attempt(h, reference);
        for (String bad : List.of("123", "12345", "12a4", " 1234", "\u0661\u0662\u0663\u0664")) {
            assertThat(posting(reference, bad).status()).as(bad).isEqualTo(400);
        }
        TestApp.Response ok = posting(reference, "0042");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("methodLast4").asText()).isEqualTo("0042");
    }

    private static TestApp.Response posting(String reference, String last4) {
        return app.post(
                "/api/v1/transactions",
                json("providerReference", reference, "amountCents", 5000, "currency", "usd", "methodLast4", last4));
    }

    private static boolean mark(UUID attempt, String reference) {
        return markWith(attempt, reference, UUID.randomUUID());
    }

    private static boolean markWith(UUID attempt, String reference, UUID txId) {
        return tx().executeWrite(s -> app.context()
                .getBean(AttemptRepository.class)
                .markSucceeded(s.getConnection(), attempt, reference, txId, reference));
    }

    @SuppressWarnings("unchecked")
    private static TransactionOperations<Connection> tx() {
        return app.context().getBean(Argument.of(TransactionOperations.class, Connection.class));
    }

    private static UUID attempt(Fixtures.Household h, String reference) {
        String id = app.post(
                        "/api/v1/payment-attempts",
                        json("householdId", h.id().toString(), "amountCents", 5000, "idempotencyKey", reference))
                .json()
                .get("id")
                .asText();
        app.put("/api/v1/payment-attempts/" + id + "/intent", json("providerIntentId", reference));
        return UUID.fromString(id);
    }

    private static void park(String reference, String refundId, boolean applied) throws SQLException {
        try (Connection c = app.connect();
                PreparedStatement ps = c.prepareStatement("INSERT INTO parked_provider_events (provider_reference,"
                        + " kind, source_id, amount_cents, status, applied_at) VALUES (?, 'REFUND', ?, 100,"
                        + " 'succeeded', " + (applied ? "now()" : "NULL") + ")")) {
            ps.setString(1, reference);
            ps.setString(2, refundId);
            ps.executeUpdate();
        }
    }

    private static long entrySeq(UUID chargeId) throws SQLException {
        try (Connection c = app.connect();
                PreparedStatement ps = c.prepareStatement("SELECT entry_seq FROM charges WHERE id = ?")) {
            ps.setObject(1, chargeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Fixtures.Household household(Fixtures.ChargeSpec... charges) throws SQLException {
        try (Connection c = app.connect()) {
            return Fixtures.household(c, "Statements", List.of(charges));
        }
    }
}

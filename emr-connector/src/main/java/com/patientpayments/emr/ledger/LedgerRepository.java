package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The append-only ledger rows: applications/reversals on charges and household credit entries, plus the household row
 * lock that serializes every ledger change of one household.
 */
@Singleton
public class LedgerRepository {
    private static final String DISPUTED = "EXISTS (SELECT 1 FROM payment_applications pa"
            + " WHERE pa.charge_id = c.id AND pa.kind = 'DISPUTE_REVERSAL' AND NOT EXISTS (SELECT 1 FROM disputes d"
            + " WHERE d.dispute_id = pa.dispute_id AND d.status IN ('WON', 'LOST')))";

    /** Takes the household's row lock for the rest of the transaction: concurrent payments queue here. */
    public void lockHousehold(Connection c, UUID householdId) {
        Jdbc.one(c, "SELECT id FROM households WHERE id = ? FOR UPDATE", rs -> 1, householdId)
                .orElseThrow(() -> new IllegalStateException("household row missing"));
    }

    /** Charges a payment may go to: positive balance and not under dispute. */
    public List<Allocator.OpenCharge> allocatable(Connection c, UUID householdId) {
        return Jdbc.list(c, "SELECT * FROM (SELECT c.id, c.service_date, c.entry_seq, c.amount_cents"
                        + " - COALESCE((SELECT SUM(a.amount_cents) FROM payment_applications a"
                        + " WHERE a.charge_id = c.id), 0) AS balance, " + DISPUTED + " AS disputed"
                        + " FROM charges c WHERE c.household_id = ?) x"
                        + " WHERE x.balance > 0 AND NOT x.disputed ORDER BY x.service_date, x.entry_seq",
                rs -> new Allocator.OpenCharge(rs.getObject("id", UUID.class),
                        rs.getDate("service_date").toLocalDate(), rs.getLong("entry_seq"),
                        Money.ofCents(rs.getLong("balance"))), householdId);
    }

    /** Current balances of the given charges. */
    public Map<UUID, Long> balances(Connection c, List<UUID> chargeIds) {
        Map<UUID, Long> out = new HashMap<>();
        if (chargeIds.isEmpty()) {
            return out;
        }
        Jdbc.list(c, "SELECT c.id, c.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM payment_applications a"
                        + " WHERE a.charge_id = c.id), 0) FROM charges c WHERE c.id = ANY (?)",
                rs -> out.put(rs.getObject(1, UUID.class), rs.getLong(2)), uuidArray(c, chargeIds));
        return out;
    }

    private static java.sql.Array uuidArray(Connection c, List<UUID> ids) {
        try {
            return c.createArrayOf("uuid", ids.toArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("uuid array", e);
        }
    }

    /** What the transaction still has on each charge, net of reversals (positive nets only). */
    public List<Reverser.Applied> netApplied(Connection c, UUID transactionId) {
        return Jdbc.list(c, "SELECT c.id, c.service_date, c.entry_seq, SUM(a.amount_cents) AS net"
                        + " FROM payment_applications a JOIN charges c ON c.id = a.charge_id"
                        + " WHERE a.transaction_id = ? GROUP BY c.id, c.service_date, c.entry_seq"
                        + " HAVING SUM(a.amount_cents) > 0",
                rs -> new Reverser.Applied(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getLong(3),
                        Money.ofCents(rs.getLong(4))), transactionId);
    }

    /** The transaction's credit still held by the household. */
    public Money transactionCredit(Connection c, UUID transactionId) {
        return Money.ofCents(Jdbc.longValue(c, "SELECT COALESCE(SUM(amount_cents), 0) FROM household_credit_entries"
                + " WHERE transaction_id = ?", transactionId));
    }

    /** One application (+) or reversal (−) row to append. */
    public record Row(UUID chargeId, long amountCents, long balanceAfterCents) {
    }

    public void appendApplications(Connection c, UUID transactionId, String kind, String refundId, String disputeId,
                                   List<Row> rows) {
        List<Object[]> params = new ArrayList<>(rows.size());
        for (Row r : rows) {
            params.add(new Object[] {transactionId, r.chargeId(), r.amountCents(), kind, r.balanceAfterCents(),
                refundId, disputeId});
        }
        Jdbc.batch(c, "INSERT INTO payment_applications (transaction_id, charge_id, amount_cents, kind,"
                + " balance_after_cents, refund_id, dispute_id) VALUES (?, ?, ?, ?, ?, ?, ?)", params);
    }

    public void appendCredit(Connection c, UUID householdId, UUID transactionId, long amountCents, String kind,
                             String reference) {
        Jdbc.update(c, "INSERT INTO household_credit_entries (household_id, transaction_id, amount_cents, kind,"
                + " reference) VALUES (?, ?, ?, ?, ?)", householdId, transactionId, amountCents, kind, reference);
    }

    /** Records a provider event id; false when it was already recorded. */
    public boolean recordEvent(Connection c, String eventId, String kind) {
        if (eventId == null) {
            return true;
        }
        return Jdbc.update(c, "INSERT INTO processed_provider_events (event_id, kind) VALUES (?, ?)"
                + " ON CONFLICT (event_id) DO NOTHING", eventId, kind) == 1;
    }
}

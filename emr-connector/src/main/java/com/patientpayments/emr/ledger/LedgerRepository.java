package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.charge.ChargeRepository;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The append-only ledger rows: applications/reversals on charges and household credit entries, plus the household row
 * lock that serializes every ledger change of one household.
 */
@Singleton
public class LedgerRepository {
    /** Takes the household's row lock for the rest of the transaction: concurrent payments queue here. */
    public void lockHousehold(Connection c, UUID householdId) {
        if (Jdbc.one(c, "SELECT id FROM households WHERE id = ? FOR UPDATE", rs -> 1, householdId)
                .isEmpty()) {
            throw new IllegalStateException("household row missing");
        }
    }

    /** Charges a payment may go to: positive balance and not under dispute. */
    public List<Allocator.OpenCharge> allocatable(Connection c, UUID householdId) {
        return Jdbc.list(
                c,
                "SELECT * FROM (SELECT c.id, c.service_date, c.entry_seq, c.amount_cents"
                        + " - COALESCE((SELECT SUM(a.amount_cents) FROM payment_applications a"
                        + " WHERE a.charge_id = c.id), 0) AS balance, " + ChargeRepository.DISPUTED + " AS disputed"
                        + " FROM charges c WHERE c.household_id = ?) x"
                        + " WHERE x.balance > 0 AND NOT x.disputed ORDER BY x.service_date, x.entry_seq",
                rs -> new Allocator.OpenCharge(
                        rs.getObject("id", UUID.class),
                        rs.getDate("service_date").toLocalDate(),
                        rs.getLong("entry_seq"),
                        Money.ofCents(rs.getLong("balance"))),
                householdId);
    }

    /** Current balances of the given charges. */
    public Map<UUID, Long> balances(Connection c, List<UUID> chargeIds) {
        Map<UUID, Long> out = new HashMap<>();
        if (chargeIds.isEmpty()) {
            return out;
        }
        Jdbc.list(
                c,
                "SELECT c.id, c.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM payment_applications a"
                        + " WHERE a.charge_id = c.id), 0) FROM charges c WHERE c.id = ANY (?)",
                rs -> out.put(rs.getObject(1, UUID.class), rs.getLong(2)),
                uuidArray(c, chargeIds));
        return out;
    }

    private static java.sql.Array uuidArray(Connection c, List<UUID> ids) {
        try {
            return c.createArrayOf("uuid", ids.toArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("uuid array", e);
        }
    }

    /**
     * The slots of a posting, the first to be taken back first: its credit, then its charges in reverse allocation
     * order (newest date of service, then latest entry), with what the posting put in each.
     */
    public List<Holdings.Slot> slots(Connection c, UUID transactionId) {
        List<Holdings.Slot> slots = new ArrayList<>();
        slots.add(new Holdings.Slot(
                null,
                Jdbc.longValue(
                        c,
                        "SELECT COALESCE(SUM(amount_cents), 0)"
                                + " FROM household_credit_entries WHERE transaction_id = ? AND kind = 'PAYMENT_CREDIT'",
                        transactionId)));
        slots.addAll(Jdbc.list(
                c,
                "SELECT a.charge_id, SUM(a.amount_cents) FROM payment_applications a"
                        + " JOIN charges c ON c.id = a.charge_id WHERE a.transaction_id = ? AND a.kind = 'PAYMENT'"
                        + " GROUP BY a.charge_id, c.service_date, c.entry_seq ORDER BY c.service_date DESC,"
                        + " c.entry_seq DESC",
                rs -> new Holdings.Slot(rs.getObject(1, UUID.class), rs.getLong(2)),
                transactionId));
        return slots;
    }

    /** What each refund and dispute of the transaction holds now, per slot (charge, or null for the credit). */
    public List<Holdings.Held> held(Connection c, UUID transactionId) {
        List<Holdings.Held> held = new ArrayList<>(Jdbc.list(
                c,
                "SELECT CASE WHEN refund_id IS NOT NULL THEN 'REFUND'"
                        + " ELSE 'DISPUTE' END, COALESCE(refund_id, dispute_id), charge_id, -SUM(amount_cents)"
                        + " FROM payment_applications WHERE transaction_id = ? AND (refund_id IS NOT NULL"
                        + " OR dispute_id IS NOT NULL) GROUP BY 1, 2, 3",
                rs -> new Holdings.Held(
                        new Holdings.Source(Holdings.Kind.valueOf(rs.getString(1)), rs.getString(2)),
                        rs.getObject(3, UUID.class),
                        rs.getLong(4)),
                transactionId));
        held.addAll(Jdbc.list(
                c,
                "SELECT CASE WHEN kind LIKE 'REFUND%' THEN 'REFUND' ELSE 'DISPUTE' END, reference,"
                        + " charge_id, -SUM(amount_cents) FROM household_credit_entries WHERE transaction_id = ?"
                        + " AND (kind LIKE 'REFUND%' OR kind LIKE 'DISPUTE%') GROUP BY 1, 2, 3",
                rs -> new Holdings.Held(
                        new Holdings.Source(Holdings.Kind.valueOf(rs.getString(1)), rs.getString(2)),
                        rs.getObject(3, UUID.class),
                        rs.getLong(4)),
                transactionId));
        return held;
    }

    /** Credit the transaction keeps in lieu of each charge (restorations that did not fit on the charge). */
    public Map<UUID, Long> inLieuCredit(Connection c, UUID transactionId) {
        Map<UUID, Long> out = new HashMap<>();
        Jdbc.list(
                c,
                "SELECT charge_id, SUM(amount_cents) FROM household_credit_entries WHERE transaction_id = ?"
                        + " AND charge_id IS NOT NULL GROUP BY charge_id",
                rs -> out.put(rs.getObject(1, UUID.class), rs.getLong(2)),
                transactionId);
        return out;
    }

    /** One application (+) or reversal (−) row to append. */
    public record Row(UUID chargeId, long amountCents, long balanceAfterCents) {}

    public void appendApplications(
            Connection c,
            UUID transactionId,
            LedgerKind kind,
            @Nullable String refundId,
            @Nullable String disputeId,
            List<Row> rows) {
        List<Object[]> params = new ArrayList<>(rows.size());
        for (Row r : rows) {
            params.add(new Object[] {
                transactionId, r.chargeId(), r.amountCents(), kind.name(), r.balanceAfterCents(), refundId, disputeId
            });
        }
        Jdbc.batch(
                c,
                "INSERT INTO payment_applications (transaction_id, charge_id, amount_cents, kind,"
                        + " balance_after_cents, refund_id, dispute_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                params);
    }

    /**
     * Appends a credit entry of the household; {@code inLieuOf} names the charge a restoration could not go back to
     * (null for the transaction's own credit).
     */
    public void appendCredit(
            Connection c,
            UUID householdId,
            UUID transactionId,
            long amountCents,
            LedgerKind kind,
            @Nullable String reference,
            @Nullable UUID inLieuOf) {
        Jdbc.update(
                c,
                "INSERT INTO household_credit_entries (household_id, transaction_id, amount_cents, kind,"
                        + " reference, charge_id) VALUES (?, ?, ?, ?, ?, ?)",
                householdId,
                transactionId,
                amountCents,
                kind.name(),
                reference,
                inLieuOf);
    }

    /** Records a provider event id; false when it was already recorded. */
    public boolean recordEvent(Connection c, @Nullable String eventId, String kind) {
        if (eventId == null) {
            return true;
        }
        return Jdbc.update(
                        c,
                        "INSERT INTO processed_provider_events (event_id, kind) VALUES (?, ?)"
                                + " ON CONFLICT (event_id) DO NOTHING",
                        eventId,
                        kind)
                == 1;
    }
}

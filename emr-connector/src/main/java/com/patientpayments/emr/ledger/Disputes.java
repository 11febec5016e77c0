package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.api.ApiException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Disputes. OPENED reverses the amount (same order as refunds) and flags the charges it touches as disputed; WON
 * re-applies what was reversed to the same charges (what no longer fits becomes credit); LOST leaves it reversed.
 * Each (dispute id, status) is applied once — the UNIQUE constraint decides. WON/LOST before OPENED is a 409 so the
 * queue retries them in order.
 */
@Singleton
public class Disputes {
    private final TransactionOperations<Connection> tx;
    private final LedgerRepository ledger;
    private final ReversalWriter reversals;
    private final TransactionRepository transactions;
    private final AuditLog audit;

    public Disputes(TransactionOperations<Connection> tx, LedgerRepository ledger, ReversalWriter reversals,
                    TransactionRepository transactions, AuditLog audit) {
        this.tx = tx;
        this.ledger = ledger;
        this.reversals = reversals;
        this.transactions = transactions;
        this.audit = audit;
    }

    public DisputeView record(UUID txId, String disputeId, Money amount, DisputeStatus status, String eventId) {
        return tx.executeWrite(s -> {
            Connection c = s.getConnection();
            TransactionFacts.Row t = TransactionFacts.load(c, txId);
            ledger.lockHousehold(c, t.householdId());
            Optional<String> owner = Jdbc.one(c, "SELECT transaction_id FROM disputes WHERE dispute_id = ? LIMIT 1",
                    rs -> rs.getString(1), disputeId);
            if (owner.isPresent() && !owner.get().equals(txId.toString())) {
                throw ApiException.conflict("This dispute id belongs to another transaction.");
            }
            if (exists(c, disputeId, status)) {
                return view(c, txId, disputeId, status);
            }
            if (status != DisputeStatus.OPENED) {
                if (!exists(c, disputeId, DisputeStatus.OPENED)) {
                    throw ApiException.conflict("The dispute has not been opened yet; retry later.");
                }
                DisputeStatus other = status == DisputeStatus.WON ? DisputeStatus.LOST : DisputeStatus.WON;
                if (exists(c, disputeId, other)) {
                    throw ApiException.conflict("The dispute was already closed as " + other + ".");
                }
            }
            boolean inserted = Jdbc.update(c, "INSERT INTO disputes (id, dispute_id, status, transaction_id,"
                    + " amount_cents) VALUES (?, ?, ?, ?, ?) ON CONFLICT (dispute_id, status) DO NOTHING",
                    UUID.randomUUID(), disputeId, status.name(), txId, amount.cents()) == 1;
            if (!inserted) {
                return view(c, txId, disputeId, status);
            }
            if (status == DisputeStatus.OPENED) {
                reversals.reverse(c, t.householdId(), txId, amount, "DISPUTE_REVERSAL", null, disputeId);
            } else if (status == DisputeStatus.WON) {
                reapply(c, t.householdId(), txId, disputeId);
            }
            ledger.recordEvent(c, eventId, "dispute_" + status.name().toLowerCase(java.util.Locale.ROOT));
            audit.append(c, new AuditLog.Entry("DISPUTE_" + status.name(), t.householdId(), txId, null, null,
                    amount.cents(), disputeId));
            TransactionFacts.refreshStatus(c, txId, transactions);
            return view(c, txId, disputeId, status);
        });
    }

    /** Puts back on each charge what the opening took (up to its balance now); the rest becomes credit. */
    private void reapply(Connection c, UUID householdId, UUID txId, String disputeId) {
        List<RefundView.ChargeAmount> reversed = TransactionFacts.rows(c, "dispute_id", disputeId,
                "DISPUTE_REVERSAL");
        long creditReversed = -Jdbc.longValue(c, "SELECT COALESCE(SUM(amount_cents), 0)"
                + " FROM household_credit_entries WHERE transaction_id = ? AND kind = 'DISPUTE_REVERSAL'"
                + " AND reference = ?", txId, disputeId);
        Map<UUID, Long> balances = ledger.balances(c,
                reversed.stream().map(r -> UUID.fromString(r.chargeId())).toList());
        List<LedgerRepository.Row> rows = new ArrayList<>();
        List<AuditLog.Entry> entries = new ArrayList<>();
        long toCredit = creditReversed;
        for (RefundView.ChargeAmount r : reversed) {
            UUID chargeId = UUID.fromString(r.chargeId());
            long balance = balances.get(chargeId);
            long back = Math.min(r.amountCents(), balance);
            toCredit += r.amountCents() - back;
            if (back > 0) {
                rows.add(new LedgerRepository.Row(chargeId, back, balance - back));
                balances.put(chargeId, balance - back);
                entries.add(new AuditLog.Entry("DISPUTE_REAPPLY", householdId, txId, null, chargeId, back,
                        disputeId));
            }
        }
        ledger.appendApplications(c, txId, "DISPUTE_REAPPLY", null, disputeId, rows);
        if (toCredit > 0) {
            ledger.appendCredit(c, householdId, txId, toCredit, "DISPUTE_REAPPLY", disputeId);
            entries.add(new AuditLog.Entry("DISPUTE_REAPPLY_CREDIT", householdId, txId, null, null, toCredit,
                    disputeId));
        }
        audit.append(c, entries);
    }

    private static boolean exists(Connection c, String disputeId, DisputeStatus status) {
        return Jdbc.one(c, "SELECT 1 FROM disputes WHERE dispute_id = ? AND status = ?", rs -> 1, disputeId,
                status.name()).isPresent();
    }

    private static DisputeView view(Connection c, UUID txId, String disputeId, DisputeStatus status) {
        long amount = Jdbc.longValue(c, "SELECT amount_cents FROM disputes WHERE dispute_id = ? AND status = ?",
                disputeId, status.name());
        long creditReversed = -Jdbc.longValue(c, "SELECT COALESCE(SUM(amount_cents), 0)"
                + " FROM household_credit_entries WHERE transaction_id = ? AND kind = 'DISPUTE_REVERSAL'"
                + " AND reference = ?", txId, disputeId);
        List<RefundView.ChargeAmount> reapplied = status == DisputeStatus.WON
                ? TransactionFacts.rows(c, "dispute_id", disputeId, "DISPUTE_REAPPLY") : List.of();
        return new DisputeView(disputeId, txId.toString(), amount, status,
                TransactionFacts.rows(c, "dispute_id", disputeId, "DISPUTE_REVERSAL"), creditReversed, reapplied);
    }
}

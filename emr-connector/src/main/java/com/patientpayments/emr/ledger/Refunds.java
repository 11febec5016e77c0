package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.api.ApiException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Refunds (full or partial), idempotent by refund id: credit first, then the most recently applied amounts, so the
 * patient owes those charges again. More than the transaction still holds is a conflict.
 */
@Singleton
public class Refunds {
    private final TransactionOperations<Connection> tx;
    private final LedgerRepository ledger;
    private final ReversalWriter reversals;
    private final TransactionRepository transactions;
    private final AuditLog audit;

    public Refunds(TransactionOperations<Connection> tx, LedgerRepository ledger, ReversalWriter reversals,
                   TransactionRepository transactions, AuditLog audit) {
        this.tx = tx;
        this.ledger = ledger;
        this.reversals = reversals;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The refund, and whether this call recorded it. */
    public record Result(boolean created, RefundView refund) {
    }

    public Result refund(UUID txId, String refundId, Money amount, String eventId) {
        return tx.executeWrite(s -> {
            Connection c = s.getConnection();
            TransactionFacts.Row t = TransactionFacts.load(c, txId);
            ledger.lockHousehold(c, t.householdId());
            Optional<RefundView> existing = find(c, refundId);
            if (existing.isPresent()) {
                return repeated(existing.get(), txId);
            }
            Money available = Reverser.available(ledger.transactionCredit(c, txId), ledger.netApplied(c, txId));
            if (amount.compareTo(available) > 0) {
                throw ApiException.conflict("The refund is larger than what remains refundable ("
                        + available.cents() + " cents).");
            }
            boolean inserted = Jdbc.update(c, "INSERT INTO refunds (id, refund_id, transaction_id, amount_cents,"
                    + " credit_reversed_cents) VALUES (?, ?, ?, ?, ?) ON CONFLICT (refund_id) DO NOTHING",
                    UUID.randomUUID(), refundId, txId, amount.cents(), creditShare(c, txId, amount).cents()) == 1;
            if (!inserted) {
                return repeated(find(c, refundId).orElseThrow(), txId);
            }
            reversals.reverse(c, t.householdId(), txId, amount, "REFUND_REVERSAL", refundId, null);
            ledger.recordEvent(c, eventId, "refund");
            audit.append(c, new AuditLog.Entry("REFUND_RECORDED", t.householdId(), txId, null, null, amount.cents(),
                    refundId));
            TransactionFacts.refreshStatus(c, txId, transactions);
            return new Result(true, find(c, refundId).orElseThrow());
        });
    }

    private static Result repeated(RefundView existing, UUID txId) {
        if (!existing.transactionId().equals(txId.toString())) {
            throw ApiException.conflict("This refund id belongs to another transaction.");
        }
        return new Result(false, existing);
    }

    /** The part of a refund taken from the transaction's credit (credit goes first). */
    private Money creditShare(Connection c, UUID txId, Money amount) {
        Money credit = ledger.transactionCredit(c, txId);
        return credit.isPositive() ? credit.min(amount) : Money.ZERO;
    }

    private static Optional<RefundView> find(Connection c, String refundId) {
        return Jdbc.one(c, "SELECT transaction_id, amount_cents, credit_reversed_cents FROM refunds"
                + " WHERE refund_id = ?", rs -> new RefundView(refundId, rs.getString(1), rs.getLong(2),
                List.of(), rs.getLong(3)), refundId)
                .map(r -> new RefundView(r.refundId(), r.transactionId(), r.amountCents(),
                        TransactionFacts.rows(c, "refund_id", refundId, "REFUND_REVERSAL"),
                        r.creditReversedCents()));
    }
}

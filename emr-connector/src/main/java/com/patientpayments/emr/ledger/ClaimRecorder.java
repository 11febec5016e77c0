package com.patientpayments.emr.ledger;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Records what the provider reports about a refund or dispute of a posted transaction — merged into its current state
 * ({@link RefundStatus#merge}, {@link DisputeStatus#merge}), so repeats and stale reports change nothing — and brings
 * the ledger in line ({@link HoldingsWriter}) and the transaction's status. Also applies the reports parked before
 * the payment was posted. Runs inside the caller's database transaction, under the household's row lock.
 */
@Singleton
public class ClaimRecorder {
    private final ClaimRepository claims;
    private final HoldingsWriter holdings;
    private final LedgerRepository ledger;
    private final TransactionRepository transactions;
    private final AuditLog audit;
    private final TransactionFacts facts;
    private final TransactionOperations<Connection> tx;

    public ClaimRecorder(
            TransactionOperations<Connection> tx,
            ClaimRepository claims,
            HoldingsWriter holdings,
            LedgerRepository ledger,
            TransactionRepository transactions,
            AuditLog audit,
            TransactionFacts facts) {
        this.tx = tx;
        this.facts = facts;
        this.claims = claims;
        this.holdings = holdings;
        this.ledger = ledger;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** A refund as the provider reports it; {@code providerCreatedAt} may be null (older shapes). */
    public record RefundReport(
            String refundId,
            Money amount,
            RefundStatus status,
            @Nullable Instant providerCreatedAt,
            @Nullable String eventId) {}

    /** A dispute as the provider reports it. */
    public record DisputeReport(
            String disputeId,
            Money amount,
            DisputeStatus status,
            @Nullable String eventId) {}

    /** The refund now, and whether this report recorded it first. */
    public record RefundResult(boolean created, RefundView refund) {}

    /**
     * Runs {@code step} in one write transaction, under the household row lock of the posted transaction {@code txId}
     * (its facts are read first: the household never changes once posted).
     *
     * @throws LedgerException NOT_FOUND for an unknown transaction
     */
    <T> T underHouseholdLock(UUID txId, BiFunction<Connection, TransactionFacts.Row, T> step) {
        return tx.executeWrite(s -> {
            Connection c = s.getConnection();
            TransactionFacts.Row t = facts.load(txId);
            ledger.lockHousehold(c, t.householdId());
            return step.apply(c, t);
        });
    }

    RefundResult refund(Connection c, TransactionFacts.Row t, RefundReport r) {
        boolean created = mergeRefund(c, t, r);
        settle(c, t);
        return new RefundResult(created, refundView(r.refundId()));
    }

    DisputeView dispute(Connection c, TransactionFacts.Row t, DisputeReport d) {
        mergeDispute(c, t, d);
        settle(c, t);
        return disputeView(d.disputeId());
    }

    /** Applies the reports parked for the transaction's provider reference (after it was posted). Answers how many. */
    int applyParked(Connection c, TransactionFacts.Row t, String reference) {
        List<ClaimRepository.Parked> parked = claims.parked(c, reference);
        for (ClaimRepository.Parked p : parked) {
            if (p.kind() == Holdings.Kind.REFUND) {
                mergeRefund(
                        c,
                        t,
                        new RefundReport(
                                p.sourceId(),
                                Money.ofCents(p.amountCents()),
                                RefundStatus.parse(p.status()),
                                p.providerCreatedAt(),
                                p.eventId()));
            } else {
                mergeDispute(
                        c,
                        t,
                        new DisputeReport(
                                p.sourceId(),
                                Money.ofCents(p.amountCents()),
                                DisputeStatus.parse(p.status()),
                                p.eventId()));
            }
            claims.markApplied(c, p.id());
        }
        if (!parked.isEmpty()) {
            settle(c, t);
        }
        return parked.size();
    }

    private boolean mergeRefund(Connection c, TransactionFacts.Row t, RefundReport r) {
        if (r.amount().cents() > t.amountCents()) {
            throw LedgerException.conflict("The refund is larger than the payment (" + t.amountCents() + " cents).");
        }
        Optional<ClaimRepository.RefundRow> existing = claims.refund(r.refundId());
        ledger.recordEvent(c, r.eventId(), "refund");
        if (existing.isEmpty()) {
            claims.insertRefund(
                    c,
                    new ClaimRepository.RefundRow(
                            r.refundId(), t.id(), r.amount().cents(), r.status(), r.providerCreatedAt()));
            auditRefund(c, t, r);
            return true;
        }
        ClaimRepository.RefundRow row = existing.get();
        if (!row.transactionId().equals(t.id())) {
            throw LedgerException.conflict("This refund id belongs to another transaction.");
        }
        if (row.amountCents() != r.amount().cents()) {
            throw LedgerException.conflict("This refund id was recorded with another amount.");
        }
        if (row.status().canMoveTo(r.status())) {
            claims.updateRefundStatus(c, r.refundId(), r.status());
            auditRefund(c, t, r);
        }
        return false;
    }

    private void auditRefund(Connection c, TransactionFacts.Row t, RefundReport r) {
        audit.append(
                c,
                new AuditLog.Entry(
                        AuditAction.refund(r.status()),
                        t.householdId(),
                        t.id(),
                        null,
                        null,
                        r.amount().cents(),
                        r.refundId()));
    }

    private void mergeDispute(Connection c, TransactionFacts.Row t, DisputeReport d) {
        if (d.amount().cents() > t.amountCents()) {
            throw LedgerException.conflict("The dispute is larger than the payment (" + t.amountCents() + " cents).");
        }
        Optional<ClaimRepository.DisputeRow> existing = claims.dispute(d.disputeId());
        ledger.recordEvent(c, d.eventId(), "dispute_" + d.status().wire());
        DisputeStatus next;
        long amount;
        if (existing.isEmpty()) {
            next = d.status();
            amount = d.amount().cents();
            claims.insertDispute(c, new ClaimRepository.DisputeRow(d.disputeId(), t.id(), amount, next));
        } else {
            if (!existing.get().transactionId().equals(t.id())) {
                throw LedgerException.conflict("This dispute id belongs to another transaction.");
            }
            amount = existing.get().amountCents();
            next = existing.get().status().merge(d.status());
            if (next == existing.get().status()) {
                return;
            }
            claims.updateDispute(c, d.disputeId(), amount, next);
        }
        audit.append(
                c,
                new AuditLog.Entry(
                        AuditAction.dispute(next), t.householdId(), t.id(), null, null, amount, d.disputeId()));
        // Milestones the receipt lists: funds withdrawn (a won or lost chargeback had them withdrawn too), outcome.
        if (next.fundsWithdrawn() || next == DisputeStatus.WON) {
            claims.milestone(c, d.disputeId(), "OPENED", t.id(), amount);
        }
        if (next == DisputeStatus.WON || next == DisputeStatus.LOST) {
            claims.milestone(c, d.disputeId(), next.name(), t.id(), amount);
        }
    }

    private void settle(Connection c, TransactionFacts.Row t) {
        holdings.project(c, t.householdId(), t.id());
        facts.refreshStatus(c, t.id(), claims, transactions);
    }

    RefundView refundView(String refundId) {
        ClaimRepository.RefundRow r = claims.refund(refundId).orElseThrow(() -> LedgerException.notFound("Refund"));
        return new RefundView(
                refundId,
                r.transactionId().toString(),
                r.amountCents(),
                r.status().wire(),
                facts.takenByRefund(refundId),
                facts.creditTaken(refundId, "REFUND%"));
    }

    DisputeView disputeView(String disputeId) {
        ClaimRepository.DisputeRow d = claims.dispute(disputeId).orElseThrow(() -> LedgerException.notFound("Dispute"));
        return new DisputeView(
                disputeId,
                d.transactionId().toString(),
                d.amountCents(),
                d.status().wire(),
                d.status().fundsWithdrawn(),
                facts.takenByDispute(disputeId),
                facts.creditTaken(disputeId, "DISPUTE%"),
                facts.reapplied(disputeId));
    }
}

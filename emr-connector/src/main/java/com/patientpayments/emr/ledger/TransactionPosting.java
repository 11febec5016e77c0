package com.patientpayments.emr.ledger;

import com.patientpayments.contract.PaymentAttempt;
import com.patientpayments.contract.Transaction;
import com.patientpayments.contract.TransactionStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Posts a succeeded provider payment to the ledger, exactly once per provider reference, in one database transaction:
 * lock the household row, insert the transaction (the UNIQUE provider reference decides who posts), allocate oldest
 * first ({@link Allocations}, the same code the preview runs), append applications and credit, mark the attempt
 * SUCCEEDED, record the event, append audit rows, and apply the refund and dispute reports parked for this payment.
 */
@Singleton
public class TransactionPosting {
    private final TransactionOperations<Connection> tx;
    private final AttemptRepository attempts;
    private final TransactionRepository transactions;
    private final LedgerRepository ledger;
    private final Allocations allocations;
    private final ClaimRecorder claims;
    private final AuditLog audit;

    public TransactionPosting(
            TransactionOperations<Connection> tx,
            AttemptRepository attempts,
            TransactionRepository transactions,
            LedgerRepository ledger,
            Allocations allocations,
            ClaimRecorder claims,
            AuditLog audit) {
        this.tx = tx;
        this.attempts = attempts;
        this.transactions = transactions;
        this.ledger = ledger;
        this.allocations = allocations;
        this.claims = claims;
        this.audit = audit;
    }

    /** A validated posting request. */
    public record Command(
            String providerReference,
            @Nullable String eventId,
            Money amount,
            @Nullable String methodBrand,
            @Nullable String methodLast4,
            Instant paidAt) {}

    /** The transaction, and whether this call posted it (false: it was already posted). */
    public record Result(boolean created, Transaction transaction) {}

    public Result post(Command cmd) {
        return tx.executeWrite(s -> {
            Connection c = s.getConnection();
            PaymentAttempt attempt = attempts.findByIntentLockingHousehold(c, cmd.providerReference())
                    .orElseThrow(() -> LedgerException.notFound("Payment attempt for this provider reference"));
            UUID householdId = UUID.fromString(attempt.householdId());
            UUID attemptId = UUID.fromString(attempt.id());
            UUID txId = UUID.randomUUID();
            Optional<Instant> createdAt = transactions.insert(
                    c,
                    new TransactionRepository.NewTransaction(
                            txId,
                            cmd.providerReference(),
                            UUID.fromString(attempt.practiceId()),
                            householdId,
                            attemptId,
                            cmd.amount().cents(),
                            cmd.methodBrand(),
                            cmd.methodLast4(),
                            cmd.paidAt()));
            if (createdAt.isEmpty()) {
                ledger.recordEvent(c, cmd.eventId(), "payment_succeeded");
                return new Result(
                        false,
                        transactions.findByReference(cmd.providerReference()).orElseThrow());
            }
            Allocator.Allocation allocation = allocations.plan(c, householdId, cmd.amount());
            List<LedgerRepository.Row> rows = new ArrayList<>();
            List<Transaction.Allocation> allocations = new ArrayList<>();
            List<AuditLog.Entry> entries = new ArrayList<>();
            entries.add(new AuditLog.Entry(
                    AuditAction.TRANSACTION_POSTED,
                    householdId,
                    txId,
                    attemptId,
                    null,
                    cmd.amount().cents(),
                    cmd.providerReference()));
            for (Allocator.Line line : allocation.lines()) {
                rows.add(new LedgerRepository.Row(
                        line.chargeId(),
                        line.applied().cents(),
                        line.balanceAfter().cents()));
                allocations.add(new Transaction.Allocation(
                        line.chargeId().toString(),
                        line.applied().cents(),
                        line.balanceAfter().cents()));
                entries.add(new AuditLog.Entry(
                        AuditAction.PAYMENT_APPLIED,
                        householdId,
                        txId,
                        null,
                        line.chargeId(),
                        line.applied().cents(),
                        null));
            }
            ledger.appendApplications(c, txId, LedgerKind.PAYMENT, null, null, rows);
            if (allocation.credit().isPositive()) {
                ledger.appendCredit(
                        c,
                        householdId,
                        txId,
                        allocation.credit().cents(),
                        LedgerKind.PAYMENT_CREDIT,
                        cmd.providerReference(),
                        null);
                entries.add(new AuditLog.Entry(
                        AuditAction.CREDIT_ADDED,
                        householdId,
                        txId,
                        null,
                        null,
                        allocation.credit().cents(),
                        null));
            }
            // The attempt's update also answers whether reports are parked for this payment (one statement less).
            boolean parked =
                    attempts.markSucceeded(c, attemptId, attempt.providerIntentId(), txId, cmd.providerReference());
            ledger.recordEvent(c, cmd.eventId(), "payment_succeeded");
            audit.append(c, entries);
            // Refunds and disputes that arrived before the payment was posted apply now, in this transaction.
            if (parked
                    && claims.applyParked(
                                    c,
                                    new TransactionFacts.Row(
                                            txId, householdId, cmd.amount().cents(), TransactionStatus.SUCCEEDED),
                                    cmd.providerReference())
                            > 0) {
                return new Result(true, transactions.find(txId).orElseThrow());
            }
            // Built from what was just written: the same body a later read returns, without reading it back.
            return new Result(
                    true,
                    new Transaction(
                            txId.toString(),
                            cmd.providerReference(),
                            attempt.practiceId(),
                            attempt.householdId(),
                            attempt.id(),
                            "ONLINE_PATIENT_PAYMENT",
                            TransactionStatus.SUCCEEDED,
                            cmd.amount().cents(),
                            allocation.applied().cents(),
                            allocation.credit().cents(),
                            0,
                            Money.CURRENCY,
                            cmd.methodBrand(),
                            cmd.methodLast4(),
                            cmd.paidAt(),
                            createdAt.get(),
                            List.copyOf(allocations)));
        });
    }
}

package com.patientpayments.emr.ledger;

import com.patientpayments.contract.AttemptStatus;
import com.patientpayments.contract.PaymentAttempt;
import com.patientpayments.emr.Jdbc;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Use cases of payment attempts: record (idempotent per household + key), attach the intent, record a failure. */
@Singleton
public class PaymentAttempts {
    private final TransactionOperations<Connection> tx;
    private final AttemptRepository attempts;
    private final LedgerRepository ledger;
    private final AuditLog audit;

    public PaymentAttempts(
            TransactionOperations<Connection> tx, AttemptRepository attempts, LedgerRepository ledger, AuditLog audit) {
        this.tx = tx;
        this.attempts = attempts;
        this.ledger = ledger;
        this.audit = audit;
    }

    /** A new or already-recorded attempt; {@code created} tells which. */
    public record Result(boolean created, PaymentAttempt attempt) {}

    public Result create(UUID householdId, long amountCents, String idempotencyKey) {
        return tx.executeWrite(s -> {
            Connection c = s.getConnection();
            UUID practiceId = attempts.practiceOf(householdId).orElseThrow(() -> LedgerException.notFound("Household"));
            var inserted = attempts.insert(c, UUID.randomUUID(), practiceId, householdId, amountCents, idempotencyKey);
            if (inserted.isPresent()) {
                audit.append(
                        c,
                        new AuditLog.Entry(
                                AuditAction.ATTEMPT_CREATED,
                                householdId,
                                null,
                                UUID.fromString(inserted.get().id()),
                                null,
                                amountCents,
                                null));
                return new Result(true, inserted.get());
            }
            PaymentAttempt existing =
                    attempts.findByKey(householdId, idempotencyKey).orElseThrow();
            if (existing.amountCents() != amountCents) {
                throw LedgerException.conflict("This idempotency key was already used with another amount.");
            }
            return new Result(false, existing);
        });
    }

    public PaymentAttempt get(UUID id) {
        return tx.executeRead(s -> attempts.find(id)).orElseThrow(() -> LedgerException.notFound("Payment attempt"));
    }

    public PaymentAttempt byIntent(String intentId) {
        return tx.executeRead(s -> attempts.findByIntent(intentId))
                .orElseThrow(() -> LedgerException.notFound("Payment attempt"));
    }

    public PaymentAttempt setIntent(UUID id, String intentId) {
        try {
            return tx.executeWrite(s -> {
                Connection c = s.getConnection();
                PaymentAttempt a =
                        attempts.findForUpdate(c, id).orElseThrow(() -> LedgerException.notFound("Payment attempt"));
                if (a.providerIntentId() != null) {
                    if (a.providerIntentId().equals(intentId)) {
                        return a;
                    }
                    throw LedgerException.conflict("This attempt already has another provider intent.");
                }
                AttemptStatus next = a.status() == AttemptStatus.CREATED ? AttemptStatus.PROCESSING : a.status();
                attempts.update(c, id, intentId, next, a.failureCode(), a.failureMessage(), uuid(a.transactionId()));
                audit.append(
                        c,
                        new AuditLog.Entry(
                                AuditAction.ATTEMPT_INTENT_SET,
                                UUID.fromString(a.householdId()),
                                null,
                                id,
                                null,
                                null,
                                intentId));
                return attempts.find(id).orElseThrow();
            });
        } catch (Jdbc.DataAccessFailure e) {
            if (e.isUniqueViolation()) {
                throw LedgerException.conflict("This provider intent belongs to another attempt.");
            }
            throw e;
        }
    }

    /** Records a failure; never overrides SUCCEEDED (a late failure after success changes nothing). */
    public PaymentAttempt fail(UUID id, @Nullable String eventId, String failureCode, @Nullable String failureMessage) {
        return tx.executeWrite(s -> {
            Connection c = s.getConnection();
            PaymentAttempt a =
                    attempts.findForUpdate(c, id).orElseThrow(() -> LedgerException.notFound("Payment attempt"));
            ledger.recordEvent(c, eventId, "payment_failed");
            if (!a.status().canMoveTo(AttemptStatus.FAILED)) {
                return a;
            }
            attempts.update(c, id, a.providerIntentId(), AttemptStatus.FAILED, failureCode, failureMessage, null);
            audit.append(
                    c,
                    new AuditLog.Entry(
                            AuditAction.ATTEMPT_FAILED,
                            UUID.fromString(a.householdId()),
                            null,
                            id,
                            null,
                            null,
                            failureCode));
            return attempts.find(id).orElseThrow();
        });
    }

    /**
     * The household's attempts created at or after {@code since} with one of {@code statuses}, newest first (at most
     * 20): what a second tab must know before starting another payment.
     */
    public List<PaymentAttempt> recent(UUID householdId, Instant since, Set<AttemptStatus> statuses) {
        return tx.executeRead(s -> attempts.recent(householdId, since, statuses, 20));
    }

    /** Attempts still open ({@code statuses}) and unchanged since before {@code updatedBefore}, oldest first. */
    public List<PaymentAttempt> stale(Set<AttemptStatus> statuses, Instant updatedBefore, int limit) {
        return tx.executeRead(s -> attempts.stale(statuses, updatedBefore, limit));
    }

    /**
     * The patient confirms again after a decline (same attempt, same intent): FAILED (and CREATED with an intent)
     * moves to PROCESSING and the old failure is cleared; PROCESSING and SUCCEEDED stay as they are.
     *
     * @throws LedgerException NOT_FOUND for an unknown attempt; CONFLICT when it has no provider intent yet
     */
    public PaymentAttempt resume(UUID id) {
        return tx.executeWrite(s -> {
            Connection c = s.getConnection();
            PaymentAttempt a =
                    attempts.findForUpdate(c, id).orElseThrow(() -> LedgerException.notFound("Payment attempt"));
            if (a.providerIntentId() == null) {
                throw LedgerException.conflict("This attempt has no provider intent yet.");
            }
            if (a.status() != AttemptStatus.FAILED && a.status() != AttemptStatus.CREATED) {
                return a;
            }
            attempts.update(c, id, a.providerIntentId(), AttemptStatus.PROCESSING, null, null, null);
            audit.append(
                    c,
                    new AuditLog.Entry(
                            AuditAction.ATTEMPT_RESUMED, UUID.fromString(a.householdId()), null, id, null, null, null));
            return attempts.find(id).orElseThrow();
        });
    }

    static @Nullable UUID uuid(@Nullable String s) {
        return s == null ? null : UUID.fromString(s);
    }
}

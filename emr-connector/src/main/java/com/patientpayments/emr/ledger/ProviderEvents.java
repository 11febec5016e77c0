package com.patientpayments.emr.ledger;

import com.patientpayments.contract.PaymentAttempt;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Refund and dispute reports addressed by the payment's provider reference (the PaymentIntent id), as webhooks carry
 * them. When the payment is posted they are applied at once ({@link Refunds}, {@link Disputes}); when it is not posted
 * yet but the attempt is known, the report is <em>parked</em> durably and applied in the same database transaction
 * that later posts the payment — so an event that arrives before its payment is never lost and never an error.
 */
@Singleton
public class ProviderEvents {
    private final TransactionOperations<Connection> tx;
    private final AttemptRepository attempts;
    private final ClaimRepository claims;
    private final ClaimRecorder recorder;
    private final AuditLog audit;
    private final TransactionFacts facts;

    public ProviderEvents(
            TransactionOperations<Connection> tx,
            AttemptRepository attempts,
            ClaimRepository claims,
            ClaimRecorder recorder,
            AuditLog audit,
            TransactionFacts facts) {
        this.tx = tx;
        this.facts = facts;
        this.attempts = attempts;
        this.claims = claims;
        this.recorder = recorder;
        this.audit = audit;
    }

    /** A report kept until its payment is posted (API.md "ParkedEvent"). */
    @Serdeable
    public record ParkedView(String providerReference, String kind, String sourceId, String status) {}

    /** Applied now (one of {@code refund} / {@code dispute}), or parked. */
    public record Outcome<T>(
            @Nullable T applied, boolean created, @Nullable ParkedView parked) {}

    /** @throws LedgerException NOT_FOUND when no payment attempt carries this provider reference */
    public Outcome<RefundView> refund(String reference, ClaimRecorder.RefundReport r) {
        return tx.executeWrite(s -> {
            Connection c = s.getConnection();
            Optional<TransactionFacts.Row> t = posted(c, reference);
            if (t.isPresent()) {
                var result = recorder.refund(c, t.get(), r);
                return new Outcome<>(result.refund(), result.created(), null);
            }
            claims.park(
                    c,
                    reference,
                    Holdings.Kind.REFUND,
                    r.refundId(),
                    r.amount().cents(),
                    r.status().wire(),
                    r.providerCreatedAt(),
                    r.eventId());
            return new Outcome<RefundView>(
                    null,
                    false,
                    parked(
                            c,
                            reference,
                            Holdings.Kind.REFUND,
                            r.refundId(),
                            r.status().wire(),
                            r.amount().cents()));
        });
    }

    /** @throws LedgerException NOT_FOUND when no payment attempt carries this provider reference */
    public Outcome<DisputeView> dispute(String reference, ClaimRecorder.DisputeReport d) {
        return tx.executeWrite(s -> {
            Connection c = s.getConnection();
            Optional<TransactionFacts.Row> t = posted(c, reference);
            if (t.isPresent()) {
                return new Outcome<>(recorder.dispute(c, t.get(), d), false, null);
            }
            claims.park(
                    c,
                    reference,
                    Holdings.Kind.DISPUTE,
                    d.disputeId(),
                    d.amount().cents(),
                    d.status().wire(),
                    null,
                    d.eventId());
            return new Outcome<DisputeView>(
                    null,
                    false,
                    parked(
                            c,
                            reference,
                            Holdings.Kind.DISPUTE,
                            d.disputeId(),
                            d.status().wire(),
                            d.amount().cents()));
        });
    }

    /** The posted transaction of the reference, after taking its household's lock; NOT_FOUND for an unknown one. */
    private Optional<TransactionFacts.Row> posted(Connection c, String reference) {
        if (attempts.findByIntentLockingHousehold(c, reference).isEmpty()) {
            throw LedgerException.notFound("Payment attempt for this provider reference");
        }
        return facts.byReference(reference);
    }

    private ParkedView parked(
            Connection c, String reference, Holdings.Kind kind, String sourceId, String status, long amountCents) {
        PaymentAttempt attempt = attempts.findByIntent(reference).orElseThrow();
        audit.append(
                c,
                new AuditLog.Entry(
                        AuditAction.parked(kind),
                        java.util.UUID.fromString(attempt.householdId()),
                        null,
                        java.util.UUID.fromString(attempt.id()),
                        null,
                        amountCents,
                        sourceId));
        return new ParkedView(reference, kind.name(), sourceId, status);
    }
}

package com.patientpayments.bff.payment;

import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.emr.EmrRequests;
import com.patientpayments.contract.PaymentAttempt;
import com.patientpayments.contract.Transaction;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Writes a payment's outcome to the ledger: a succeeded intent is posted (idempotent by intent id; the connector
 * allocates it and applies any refund or dispute reports parked for it), a failed one is recorded on its attempt
 * (never overriding a success). Used by the webhook consumer, reconciliation, the janitor and {@code payment(id)}.
 */
@Singleton
public class PaymentPosting {

    private final EmrClient emr;
    private final ApplicationEventPublisher<PaymentPostedEvent> posted;

    public PaymentPosting(EmrClient emr, ApplicationEventPublisher<PaymentPostedEvent> posted) {
        this.emr = emr;
        this.posted = posted;
    }

    /**
     * Posts a succeeded intent. {@code Found} with status 201 when posted now, 200 when it already was; a
     * {@link PaymentPostedEvent} follows either way. {@code NotFound}: no attempt carries the intent.
     */
    public EmrOutcome<Transaction> post(
            IntentSnapshot intent,
            @Nullable String eventId,
            @Nullable Instant eventCreated,
            @Nullable Instant receivedAt) {
        EmrOutcome<Transaction> outcome = emr.postTransaction(new EmrRequests.NewTransaction(
                intent.id(),
                eventId,
                intent.amountCents(),
                intent.currency(),
                intent.brand() == null ? "CARD" : intent.brand(),
                intent.last4(),
                intent.paidAt() == null ? intent.created() : intent.paidAt()));
        if (outcome instanceof EmrOutcome.Found<Transaction> f) {
            posted.publishEvent(new PaymentPostedEvent(f.value(), f.created(), eventCreated, receivedAt));
        }
        return outcome;
    }

    /** Records a failure ({@code code}: Stripe's decline code, {@code canceled}, {@code abandoned}, …). */
    public EmrOutcome<PaymentAttempt> fail(String attemptId, String code, @Nullable String eventId) {
        return emr.recordFailure(
                attemptId, new EmrRequests.AttemptFailure(eventId, code, FailureReasons.patientMessage(code)));
    }
}

package com.patientpayments.bff.webhook;

import com.patientpayments.bff.emr.EmrAttempt;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.emr.EmrTransaction;
import com.patientpayments.bff.payment.IntentSnapshot;
import com.patientpayments.bff.payment.PaymentPosting;
import com.patientpayments.bff.payment.PaymentProvider;
import com.patientpayments.bff.payment.ProviderException;
import com.stripe.model.PaymentIntent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code payment_intent.succeeded}, {@code .payment_failed} and {@code .canceled}. The final state comes from the
 * intent — re-read from the provider where it can be — never from the event's name or arrival order: a failure event
 * for an intent that has succeeded posts the payment, a stale failure after a success changes nothing (the connector
 * never lets a failure override a success), and a failure while a retry is processing waits for that retry's event.
 */
@Singleton
public class IntentEvents {

    private final IntentOwnership ownership;
    private final PaymentProvider provider;
    private final PaymentPosting posting;

    public IntentEvents(IntentOwnership ownership, PaymentProvider provider, PaymentPosting posting) {
        this.ownership = ownership;
        this.provider = provider;
        this.posting = posting;
    }

    public EventResult handle(
            String eventId,
            String type,
            PaymentIntent eventIntent,
            @Nullable String account,
            Instant eventCreated,
            @Nullable Instant receivedAt) {
        IntentSnapshot fromEvent = IntentSnapshot.of(eventIntent);
        Optional<IntentSnapshot> reread = reread(fromEvent.id(), account);
        IntentSnapshot current = reread.orElse(fromEvent);
        String attemptId = fromEvent.attemptId() != null ? fromEvent.attemptId() : current.attemptId();
        if (current.succeeded() || "payment_intent.succeeded".equals(type)) {
            // A signed succeeded event is proof enough when the re-read lags; prefer the fresher details.
            IntentSnapshot best = current.succeeded() ? current.withDetailsFrom(fromEvent) : fromEvent;
            EmrOutcome<EmrTransaction> posted = posting.post(best, eventId, eventCreated, receivedAt);
            if (!posted.isNotFound()) {
                return committed(posted);
            }
            return unknown(ownership.resolve(fromEvent.id(), attemptId))
                    .orElseGet(() -> committed(posting.post(best, eventId, eventCreated, receivedAt)));
        }
        if (!current.failed()
                && !"payment_intent.payment_failed".equals(type)
                && !"payment_intent.canceled".equals(type)) {
            return EventResult.ignored("not_final");
        }
        if (reread.isPresent() && !current.failed()) {
            // A failure event for an intent that is processing again (the patient retried): its own event follows.
            return EventResult.ignored("superseded");
        }
        IntentOwnership.Owner owner = ownership.resolve(fromEvent.id(), attemptId);
        Optional<EmrAttempt> known = owner.known();
        if (known.isEmpty()) {
            return unknown(owner).orElseThrow(); // every kind but KNOWN has its answer
        }
        String code = current.failureCode() != null
                ? current.failureCode()
                : fromEvent.failureCode() != null
                        ? fromEvent.failureCode()
                        : "canceled".equals(current.status()) ? "canceled" : "payment_failed";
        return committed(posting.fail(known.get().id(), code, eventId));
    }

    /** Empty when the intent's attempt is known; otherwise what to do with the event. */
    static Optional<EventResult> unknown(IntentOwnership.Owner owner) {
        return switch (owner.kind()) {
            case NOT_OURS -> Optional.of(EventResult.ignored("not_our_intent"));
            case OURS_UNKNOWN -> Optional.of(EventResult.deadLetter("unknown_intent"));
            case UNAVAILABLE -> Optional.of(EventResult.retry("connector_unavailable"));
            case KNOWN -> Optional.empty();
        };
    }

    private Optional<IntentSnapshot> reread(String intentId, @Nullable String account) {
        try {
            return provider.retrieve(intentId, account);
        } catch (ProviderException e) {
            // The signed event stands in for the re-read when the provider is unreachable.
            return Optional.empty();
        }
    }

    static EventResult committed(EmrOutcome<?> outcome) {
        if (outcome instanceof EmrOutcome.Found<?>) {
            return EventResult.done();
        }
        if (outcome instanceof EmrOutcome.Unavailable<?>) {
            return EventResult.retry("connector_" + outcome.label());
        }
        return EventResult.deadLetter("ledger_" + outcome.label());
    }

    static boolean posted(EmrOutcome<EmrTransaction> outcome) {
        return outcome instanceof EmrOutcome.Found<EmrTransaction>;
    }
}

package com.patientpayments.bff.webhook;

import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.payment.IntentSnapshot;
import com.patientpayments.bff.payment.PaymentPosting;
import com.patientpayments.bff.payment.PaymentProvider;
import com.patientpayments.bff.payment.ProviderException;
import com.patientpayments.contract.PaymentAttempt;
import com.patientpayments.contract.Transaction;
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

    /**
     * @param type         {@code payment_intent.succeeded}, {@code .payment_failed} or {@code .canceled}
     * @param eventIntent  the event's copy of the intent (re-read from the provider where it can be)
     * @param account      the connected account the event came from, or null for the platform's
     * @param eventCreated when Stripe created the event
     * @param receivedAt   when the webhook endpoint accepted it, or null
     * @return what the consumer does with the message and why
     */
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
        String attemptId = EventMapping.attemptId(fromEvent, current);
        EventMapping.IntentAction action = EventMapping.intentAction(type, current, reread.isPresent());
        return switch (action) {
            case POST -> post(EventMapping.toPost(current, fromEvent), attemptId, eventId, eventCreated, receivedAt);
            case FAIL -> fail(fromEvent.id(), attemptId, EventMapping.failureCode(current, fromEvent), eventId);
            case IGNORE_SUPERSEDED -> EventResult.ignored(action.reason());
        };
    }

    /** Posts the payment; an intent the connector does not know is attached to its attempt first, or classified. */
    private EventResult post(
            IntentSnapshot payment,
            @Nullable String attemptId,
            String eventId,
            Instant eventCreated,
            @Nullable Instant receivedAt) {
        EmrOutcome<Transaction> posted = posting.post(payment, eventId, eventCreated, receivedAt);
        if (!posted.isNotFound()) {
            return EventMapping.committed(posted);
        }
        return EventMapping.unknown(ownership.resolve(payment.id(), attemptId).kind())
                .orElseGet(() -> EventMapping.committed(posting.post(payment, eventId, eventCreated, receivedAt)));
    }

    /** Records the attempt's failure; an intent whose attempt is not known is classified instead. */
    private EventResult fail(String intentId, @Nullable String attemptId, String code, String eventId) {
        IntentOwnership.Owner owner = ownership.resolve(intentId, attemptId);
        Optional<PaymentAttempt> known = owner.known();
        if (known.isEmpty()) {
            return EventMapping.unknown(owner.kind()).orElseThrow(); // every kind but KNOWN has its answer
        }
        return EventMapping.committed(posting.fail(known.get().id(), code, eventId));
    }

    private Optional<IntentSnapshot> reread(String intentId, @Nullable String account) {
        try {
            return provider.retrieve(intentId, account);
        } catch (ProviderException e) {
            // The signed event stands in for the re-read when the provider is unreachable.
            return Optional.empty();
        }
    }

    static boolean posted(EmrOutcome<Transaction> outcome) {
        return outcome instanceof EmrOutcome.Found<Transaction>;
    }
}

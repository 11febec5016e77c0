package com.patientpayments.bff.webhook;

import com.patientpayments.bff.observability.Failures;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one verified Stripe event into its ledger effect ({@link IntentEvents}, {@link ClaimEvents}). Everything it
 * does is idempotent in the connector (provider reference, refund id + status, dispute id + status), so a
 * redelivered, duplicated or reordered event changes nothing twice. Counts every event as
 * {@code payments_webhook_processed_total{type, outcome}} (outcome: done, ignored, parked, retry, dead_letter) and a
 * dead-lettered one also as a failure ({@code pp_failures_total{operation="webhook", reason}}).
 */
@Singleton
public class StripeEventProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(StripeEventProcessor.class);
    private final IntentEvents intents;
    private final ClaimEvents claims;
    private final Failures failures;
    private final MeterRegistry meters;

    public StripeEventProcessor(IntentEvents intents, ClaimEvents claims, Failures failures, MeterRegistry meters) {
        this.intents = intents;
        this.claims = claims;
        this.failures = failures;
        this.meters = meters;
    }

    /**
     * @param eventJson  the event exactly as Stripe signed it
     * @param receivedAt when the webhook endpoint accepted it, or null
     */
    public ProcessingOutcome process(String eventJson, @Nullable Instant receivedAt) {
        Event event;
        try {
            // stripe-java's Event and its data objects are Gson-mapped: only its own Gson reads them (the one place
            // outside micronaut-serde, issue 13 item 6).
            event = ApiResource.GSON.fromJson(eventJson, Event.class);
        } catch (RuntimeException e) {
            count("unparseable", ProcessingOutcome.IGNORED);
            LOG.warn("Queued webhook event is not a Stripe event; dropped");
            return ProcessingOutcome.IGNORED;
        }
        String type = event.getType() == null ? "" : event.getType();
        EventResult result;
        try {
            result = handle(event, type, receivedAt);
        } catch (RuntimeException e) {
            result = EventResult.retry("error_" + e.getClass().getSimpleName());
        }
        count(EventMapping.metricType(type), result.outcome());
        if (result.outcome() == ProcessingOutcome.DEAD_LETTER) {
            failures.record("webhook", result.reason());
            LOG.error(
                    "Event {} ({}) needs an operator: {}; moved to the dead-letter queue",
                    event.getId(),
                    type,
                    result.reason());
        } else if (result.outcome() == ProcessingOutcome.RETRY) {
            LOG.warn("Event {} ({}) not committed: {}", event.getId(), type, result.reason());
        } else if (result.outcome() != ProcessingOutcome.DONE) {
            LOG.info(
                    "Event {} ({}) {}: {}",
                    event.getId(),
                    type,
                    result.outcome().name().toLowerCase(),
                    result.reason());
        }
        return result.outcome();
    }

    private EventResult handle(Event event, String type, @Nullable Instant receivedAt) {
        String account = event.getAccount();
        return switch (EventMapping.route(type)) {
            case INTENT ->
                intents.handle(
                        event.getId(),
                        type,
                        (PaymentIntent) object(event),
                        account,
                        Instant.ofEpochSecond(event.getCreated()),
                        receivedAt);
            case CHARGE_REFUNDED -> claims.chargeRefunded(event.getId(), (Charge) object(event), account);
            case REFUND -> claims.refund(event.getId(), (Refund) object(event), account);
            case DISPUTE -> claims.dispute(event.getId(), (Dispute) object(event), account);
            case UNHANDLED -> EventResult.ignored("unhandled_type");
        };
    }

    /** The event's object; events of another API version than stripe-java's are read leniently. */
    private static StripeObject object(Event event) {
        return event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalArgumentException("event object cannot be read", e);
            }
        });
    }

    private void count(String type, ProcessingOutcome outcome) {
        Counter.builder("payments.webhook.processed")
                .tag("type", type)
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters)
                .increment();
    }
}

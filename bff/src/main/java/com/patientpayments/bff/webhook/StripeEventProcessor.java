package com.patientpayments.bff.webhook;

import com.patientpayments.bff.payment.PaymentPosting;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Turns one verified Stripe event into its ledger effect. Everything it does is idempotent in the connector
 * (provider reference, refund id, dispute id + status), so a redelivered, duplicated or reordered event changes
 * nothing twice; it answers {@link ProcessingOutcome#RETRY} whenever the effect is not known to be committed.
 */
@Singleton
public class StripeEventProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(StripeEventProcessor.class);

    private final PaymentPosting posting;
    private final MeterRegistry meters;

    public StripeEventProcessor(PaymentPosting posting, MeterRegistry meters) {
        this.posting = posting;
        this.meters = meters;
    }

    /**
     * @param eventJson  the event exactly as Stripe signed it
     * @param receivedAt when the webhook endpoint accepted it, or null
     */
    public ProcessingOutcome process(String eventJson, @Nullable Instant receivedAt) {
        Event event;
        try {
            event = ApiResource.GSON.fromJson(eventJson, Event.class);
        } catch (RuntimeException e) {
            count("unparseable", "dropped");
            LOG.warn("Queued webhook event is not a Stripe event; dropped");
            return ProcessingOutcome.DONE;
        }
        String type = event.getType() == null ? "" : event.getType();
        try {
            ProcessingOutcome outcome = switch (type) {
                case "payment_intent.succeeded", "payment_intent.payment_failed" -> {
                    PaymentIntent intent = (PaymentIntent) object(event);
                    yield posting.onIntentEvent(event.getId(), type, intent, event.getAccount(),
                            Instant.ofEpochSecond(event.getCreated()), receivedAt);
                }
                case "charge.refunded" -> posting.onChargeRefunded(event.getId(), (Charge) object(event),
                        event.getAccount());
                case "charge.dispute.created", "charge.dispute.closed" -> posting.onDispute(event.getId(), type,
                        (Dispute) object(event));
                default -> ProcessingOutcome.DONE;  // acknowledged and ignored
            };
            count(metricType(type), outcome == ProcessingOutcome.DONE ? "done" : "retry");
            return outcome;
        } catch (HttpClientResponseException e) {
            count(metricType(type), "connector_" + e.getStatus().getCode());
            LOG.warn("Event {} ({}) not committed: connector answered {}", event.getId(), type, e.getStatus().getCode());
            return ProcessingOutcome.RETRY;
        } catch (HttpClientException e) {
            count(metricType(type), "connector_unreachable");
            LOG.warn("Event {} ({}) not committed: connector unreachable", event.getId(), type);
            return ProcessingOutcome.RETRY;
        } catch (RuntimeException e) {
            count(metricType(type), "error");
            LOG.warn("Event {} ({}) not committed: {}", event.getId(), type, e.getClass().getSimpleName());
            return ProcessingOutcome.RETRY;
        }
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

    private static String metricType(String type) {
        return switch (type) {
            case "payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded",
                 "charge.dispute.created", "charge.dispute.closed" -> type;
            default -> "other";
        };
    }

    private void count(String type, String outcome) {
        Counter.builder("payments.webhook.processed").tag("type", type).tag("outcome", outcome)
                .register(meters).increment();
    }
}

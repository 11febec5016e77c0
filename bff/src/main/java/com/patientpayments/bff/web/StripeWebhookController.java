package com.patientpayments.bff.web;

import com.patientpayments.bff.payment.StripeSignatureVerifier;
import com.patientpayments.bff.webhook.WebhookQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's webhook endpoint (deployments without the API Gateway ingress). Verifies the signature over the byte-exact
 * body ({@code @Body String}), puts the delivery on the queue with its signature header (the consumer verifies every
 * message again, whichever ingress wrote it) and answers 200 at once; the consumer does the work. Anything unverifiable is answered with the same
 * generic 400 and nothing of the request is logged (the body may hold payment details).
 */
@Controller("/webhooks/stripe")
public class StripeWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhookController.class);
    private static final Map<String, Object> REJECTED = Map.of("error", "invalid webhook request");
    private static final Map<String, Object> ACCEPTED = Map.of("received", true);

    private final StripeSignatureVerifier verifier;
    private final WebhookQueue queue;
    private final JsonMapper json;
    private final Counter accepted;
    private final Counter rejected;

    public StripeWebhookController(
            StripeSignatureVerifier verifier, WebhookQueue queue, JsonMapper json, MeterRegistry meters) {
        this.verifier = verifier;
        this.queue = queue;
        this.json = json;
        this.accepted = Counter.builder("payments.webhook.received")
                .tag("outcome", "accepted")
                .register(meters);
        this.rejected = Counter.builder("payments.webhook.received")
                .tag("outcome", "rejected")
                .register(meters);
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Map<String, Object>> receive(
            @Nullable @Body String payload, @Nullable @Header("Stripe-Signature") String signature) {
        long receivedAt = System.currentTimeMillis();
        if (payload == null || signature == null || !verifier.verify(payload, signature) || !looksLikeEvent(payload)) {
            rejected.increment();
            LOG.info("Stripe webhook rejected");
            return HttpResponse.badRequest(REJECTED);
        }
        queue.send(payload, signature, receivedAt);
        accepted.increment();
        return HttpResponse.ok(ACCEPTED);
    }

    /** A signed body that is not an event object (Stripe never sends one) is rejected rather than queued forever. */
    private boolean looksLikeEvent(String payload) {
        try {
            JsonNode event = json.readValue(payload, JsonNode.class);
            if (event == null || !event.isObject()) {
                return false;
            }
            JsonNode type = event.get("type");
            return event.get("id") != null && type != null && (type.isString() || type.isNumber() || type.isBoolean());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}

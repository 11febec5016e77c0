package com.patientpayments.bff.payment;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.patientpayments.bff.payment.SimulatedPaymentProvider.SimIntent;
import com.patientpayments.bff.webhook.StripeSignatureVerifier;
import com.patientpayments.bff.webhook.WebhookProperties;
import com.stripe.Stripe;
import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends the simulator's events the way Stripe does: a Stripe-format event JSON ({@code evt_…}, {@code api_version},
 * {@code data.object} a PaymentIntent with {@code latest_charge} and card brand/last4) signed with the first webhook
 * secret, POSTed over HTTP to {@code /webhooks/stripe}.
 */
@Singleton
public class SimulatedWebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedWebhookSender.class);

    private final WebhookProperties webhook;
    private final StripeProperties stripe;
    private final BeanProvider<EmbeddedServer> server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public SimulatedWebhookSender(WebhookProperties webhook, StripeProperties stripe, BeanProvider<EmbeddedServer> server) {
        this.webhook = webhook;
        this.stripe = stripe;
        this.server = server;
    }

    void deliver(SimIntent intent, Instant now) {
        String type = "succeeded".equals(intent.status()) ? "payment_intent.succeeded" : "payment_intent.payment_failed";
        String payload = event(type, intent, now).toString();
        String url = stripe.webhookUrl() != null ? stripe.webhookUrl()
                : server.get().getURL().toString().replaceAll("/$", "") + "/webhooks/stripe";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", StripeSignatureVerifier.header(payload, webhook.signingSecret(),
                        now.getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                LOG.warn("Simulated webhook answered {}", response.statusCode());
            }
        } catch (IOException e) {
            // Like a lost Stripe webhook: reconciliation posts it later.
            LOG.warn("Simulated webhook not delivered ({})", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static JsonObject event(String type, SimIntent intent, Instant now) {
        JsonObject event = new JsonObject();
        event.addProperty("id", "evt_" + SimulatedPaymentProvider.random(24));
        event.addProperty("object", "event");
        event.addProperty("api_version", Stripe.API_VERSION);
        event.addProperty("created", now.getEpochSecond());
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        event.addProperty("type", type);
        if (intent.account() != null) {
            event.addProperty("account", intent.account());
        }
        JsonObject request = new JsonObject();
        request.add("id", JsonNull.INSTANCE);
        request.add("idempotency_key", JsonNull.INSTANCE);
        event.add("request", request);
        JsonObject data = new JsonObject();
        data.add("object", paymentIntent(intent, now));
        event.add("data", data);
        return event;
    }

    private static JsonObject paymentIntent(SimIntent intent, Instant now) {
        boolean succeeded = "succeeded".equals(intent.status());
        JsonObject pi = new JsonObject();
        pi.addProperty("id", intent.id());
        pi.addProperty("object", "payment_intent");
        pi.addProperty("amount", intent.amountCents());
        pi.addProperty("amount_received", succeeded ? intent.amountCents() : 0);
        pi.addProperty("currency", intent.currency());
        pi.addProperty("status", intent.status());
        pi.addProperty("created", intent.created().getEpochSecond());
        pi.addProperty("description", StripePaymentProvider.DESCRIPTION);
        pi.addProperty("livemode", false);
        JsonObject metadata = new JsonObject();
        metadata.addProperty("attempt_id", intent.attemptId());
        pi.add("metadata", metadata);
        JsonObject charge = new JsonObject();
        charge.addProperty("id", intent.chargeId());
        charge.addProperty("object", "charge");
        charge.addProperty("amount", intent.amountCents());
        charge.addProperty("amount_refunded", 0);
        charge.addProperty("created", now.getEpochSecond());
        charge.addProperty("currency", intent.currency());
        charge.addProperty("paid", succeeded);
        charge.addProperty("status", succeeded ? "succeeded" : "failed");
        charge.addProperty("payment_intent", intent.id());
        JsonObject card = new JsonObject();
        card.addProperty("brand", intent.brand());
        card.addProperty("last4", intent.last4());
        JsonObject details = new JsonObject();
        details.addProperty("type", "card");
        details.add("card", card);
        charge.add("payment_method_details", details);
        pi.add("latest_charge", charge);
        if (succeeded) {
            pi.add("last_payment_error", JsonNull.INSTANCE);
        } else {
            JsonObject error = new JsonObject();
            error.addProperty("type", "card_error");
            error.addProperty("code", "card_declined");
            if (!"card_declined".equals(intent.failureCode())) {
                error.addProperty("decline_code", intent.failureCode());
            }
            error.addProperty("message", FailureReasons.patientMessage(intent.failureCode()));
            pi.add("last_payment_error", error);
        }
        return pi;
    }
}

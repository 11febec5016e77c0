package com.patientpayments.bff.payment;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.patientpayments.bff.payment.SimulatedPaymentProvider.SimIntent;
import com.stripe.Stripe;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the simulator's events the way Stripe does: a Stripe-format event JSON ({@code evt_…}, {@code api_version},
 * {@code data.object} in Stripe's current shape — a PaymentIntent with {@code latest_charge} and card brand/last4, a
 * Charge with {@code amount_refunded} and no embedded refunds, a Refund, a Dispute) signed with the first webhook
 * secret, POSTed over HTTP to {@code /webhooks/stripe}.
 */
@Singleton
public class SimulatedWebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedWebhookSender.class);

    private final WebhookSettings webhook;
    private final StripeSettings stripe;
    private final BeanProvider<EmbeddedServer> server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public SimulatedWebhookSender(WebhookSettings webhook, StripeSettings stripe, BeanProvider<EmbeddedServer> server) {
        this.webhook = webhook;
        this.stripe = stripe;
        this.server = server;
    }

    /** {@code payment_intent.succeeded} or {@code payment_intent.payment_failed} for the intent's state. */
    void deliver(SimIntent intent, Instant now) {
        String type =
                "succeeded".equals(intent.status()) ? "payment_intent.succeeded" : "payment_intent.payment_failed";
        deliver(type, paymentIntent(intent, now), intent.account(), now);
    }

    /** Any event of {@code type} with {@code object} as its {@code data.object}. */
    void deliver(String type, JsonObject object, @Nullable String account, Instant now) {
        String payload = event(type, object, account, now).toString();
        String url = stripe.webhookUrl() != null
                ? stripe.webhookUrl()
                : server.get().getURL().toString().replaceAll("/$", "") + "/webhooks/stripe";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(
                        "Stripe-Signature",
                        StripeSignatureVerifier.header(payload, webhook.signingSecret(), now.getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                LOG.warn("Simulated webhook answered {}", response.statusCode());
            }
        } catch (IOException e) {
            // Like a lost Stripe webhook: reconciliation or the janitor posts it later.
            LOG.warn("Simulated webhook not delivered ({})", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static JsonObject event(String type, JsonObject object, @Nullable String account, Instant now) {
        JsonObject event = new JsonObject();
        event.addProperty("id", "evt_" + SimulatedPaymentProvider.random(24));
        event.addProperty("object", "event");
        event.addProperty("api_version", Stripe.API_VERSION);
        event.addProperty("created", now.getEpochSecond());
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        event.addProperty("type", type);
        if (account != null) {
            event.addProperty("account", account);
        }
        JsonObject request = new JsonObject();
        request.add("id", JsonNull.INSTANCE);
        request.add("idempotency_key", JsonNull.INSTANCE);
        event.add("request", request);
        JsonObject data = new JsonObject();
        data.add("object", object);
        event.add("data", data);
        return event;
    }

    static JsonObject paymentIntent(SimIntent intent, Instant now) {
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
        metadata.addProperty(IntentSnapshot.ATTEMPT_ID, intent.attemptId());
        pi.add("metadata", metadata);
        JsonObject charge = charge(intent, 0, now);
        charge.addProperty("paid", succeeded);
        charge.addProperty("status", succeeded ? "succeeded" : "failed");
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

    /** A Charge in the current API shape: {@code amount_refunded}, {@code refunded}, no embedded refunds. */
    static JsonObject charge(SimIntent intent, long refundedCents, Instant now) {
        JsonObject charge = new JsonObject();
        charge.addProperty("id", intent.chargeId());
        charge.addProperty("object", "charge");
        charge.addProperty("amount", intent.amountCents());
        charge.addProperty("amount_captured", intent.amountCents());
        charge.addProperty("amount_refunded", refundedCents);
        charge.addProperty("refunded", refundedCents >= intent.amountCents());
        charge.addProperty("created", now.getEpochSecond());
        charge.addProperty("currency", intent.currency());
        charge.addProperty("paid", true);
        charge.addProperty("status", "succeeded");
        charge.addProperty("payment_intent", intent.id());
        JsonObject card = new JsonObject();
        card.addProperty("brand", intent.brand());
        card.addProperty("last4", intent.last4());
        JsonObject details = new JsonObject();
        details.addProperty("type", "card");
        details.add("card", card);
        charge.add("payment_method_details", details);
        return charge;
    }

    /** A Refund object ({@code failure_reason} once failed). */
    static JsonObject refund(SimulatedClaims.SimRefund r, SimIntent intent) {
        JsonObject refund = new JsonObject();
        refund.addProperty("id", r.id());
        refund.addProperty("object", "refund");
        refund.addProperty("amount", r.amountCents());
        refund.addProperty("charge", intent.chargeId());
        refund.addProperty("payment_intent", intent.id());
        refund.addProperty("currency", intent.currency());
        refund.addProperty("created", r.created().getEpochSecond());
        refund.addProperty("status", r.status());
        if (r.reason() != null) {
            refund.addProperty("reason", r.reason());
        }
        if ("failed".equals(r.status())) {
            refund.addProperty("failure_reason", "expired_or_canceled_card");
        }
        refund.add("metadata", new JsonObject());
        return refund;
    }

    /** A Dispute object at its status. */
    static JsonObject dispute(SimulatedClaims.SimDispute d, SimIntent intent) {
        JsonObject dispute = new JsonObject();
        dispute.addProperty("id", d.id());
        dispute.addProperty("object", "dispute");
        dispute.addProperty("amount", d.amountCents());
        dispute.addProperty("currency", intent.currency());
        dispute.addProperty("charge", intent.chargeId());
        dispute.addProperty("payment_intent", intent.id());
        dispute.addProperty("reason", d.reason());
        dispute.addProperty("status", d.status());
        dispute.addProperty("created", d.created().getEpochSecond());
        dispute.addProperty("is_charge_refundable", d.status().startsWith("warning_"));
        dispute.add("metadata", new JsonObject());
        return dispute;
    }
}

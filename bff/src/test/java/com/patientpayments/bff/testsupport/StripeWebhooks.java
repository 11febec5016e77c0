package com.patientpayments.bff.testsupport;

import com.patientpayments.bff.payment.StripeSignatureVerifier;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;

/** Stripe webhook deliveries as tests and benchmarks send them to the BFF. */
public final class StripeWebhooks {

    private StripeWebhooks() {}

    /**
     * A {@code payment_intent.*} event of {@code type} for {@code intent} and {@code cents}, created now: a type
     * ending in {@code succeeded} has the amount received; any other a {@code card_declined} last payment error.
     */
    public static String paymentIntentEvent(String type, String intent, long cents) {
        boolean ok = type.endsWith("succeeded");
        long now = Instant.now().getEpochSecond();
        return "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                + "\"api_version\":\"" + com.stripe.Stripe.API_VERSION + "\",\"created\":" + now + ",\"type\":\"" + type
                + "\",\"data\":{\"object\":{\"id\":\"" + intent + "\",\"object\":\"payment_intent\",\"amount\":" + cents
                + ",\"amount_received\":" + (ok ? cents : 0) + ",\"currency\":\"usd\",\"status\":\""
                + (ok ? "succeeded" : "requires_payment_method") + "\",\"created\":" + now
                + (ok ? "" : ",\"last_payment_error\":{\"code\":\"card_declined\",\"message\":\"declined\"}") + "}}}";
    }

    /**
     * A POST of {@code event} to {@code webhookUrl} (the BFF's {@code /webhooks/stripe}) with a {@code Stripe-Signature}
     * made now with {@code secret}; the caller may add a timeout before building it.
     */
    public static HttpRequest.Builder signedDelivery(String webhookUrl, String event, String secret) {
        return HttpRequest.newBuilder(URI.create(webhookUrl))
                .header("Content-Type", "application/json")
                .header(
                        "Stripe-Signature",
                        StripeSignatureVerifier.header(
                                event, secret, Instant.now().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(event));
    }
}

package com.patientpayments.bff.demo;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the Stripe stand-in's events as Stripe does: the event JSON POSTed to the webhook endpoint with a
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">} header signed with the endpoint's
 * secret. A failed delivery is logged and dropped, like a lost Stripe webhook (the BFF's janitor and reconciliation
 * catch up).
 */
final class StripeWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhooks.class);

    private final Supplier<URI> endpoint;
    private final String secret;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    StripeWebhooks(Supplier<URI> endpoint, String secret) {
        this.endpoint = endpoint;
        this.secret = secret;
    }

    /** Stripe's signature header of {@code payload} at {@code epochSecond}. */
    static String signature(String payload, String secret, long epochSecond) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSecond + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + epochSecond + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    void deliver(JsonObject event) {
        String payload = event.toString();
        HttpRequest request = HttpRequest.newBuilder(endpoint.get())
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(
                        "Stripe-Signature",
                        signature(payload, secret, Instant.now().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                LOG.warn("Stripe stand-in webhook answered {}", response.statusCode());
            }
        } catch (IOException e) {
            LOG.warn("Stripe stand-in webhook not delivered ({})", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

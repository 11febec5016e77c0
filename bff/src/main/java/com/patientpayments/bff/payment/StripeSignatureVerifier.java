package com.patientpayments.bff.payment;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Verifies Stripe's {@code Stripe-Signature} header ({@code t=<unix seconds>,v1=<hex hmac>[,v1=…][,v0=…]}) over the
 * byte-exact request body. Written out rather than delegated to {@code Webhook.constructEvent} because that accepts
 * timestamps in the future (a replay window we must close) and knows only one secret at a time.
 *
 * <p>Accepts when any {@code v1} value equals HMAC-SHA256(secret, {@code t + "." + payload}) for any configured
 * secret and {@code t} lies within the tolerance on either side of now. {@code v0} (Stripe's test scheme) is ignored,
 * so a header with only {@code v0} values is rejected.
 *
 * <p>The webhook endpoint checks the timestamp against now ({@link #verify(String, String)}); the queue consumer checks
 * it against when the delivery entered the system ({@link #verify(String, String, Instant)}), so a message that waits
 * in the queue, is retried or is replayed from the DLQ still verifies, while a captured delivery posted again later
 * does not (its new arrival time is far from its signed timestamp).
 */
@Singleton
public class StripeSignatureVerifier {

    private final WebhookSettings properties;
    private final Clock clock;

    public StripeSignatureVerifier(WebhookSettings properties) {
        this(properties, Clock.systemUTC());
    }

    StripeSignatureVerifier(WebhookSettings properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether {@code header} is a valid, fresh signature of {@code payload} by one of the configured secrets. */
    public boolean verify(@Nullable String payload, @Nullable String header) {
        return verify(payload, header, clock.instant());
    }

    /**
     * Whether {@code header} is a valid signature of {@code payload} by one of the configured secrets whose timestamp
     * lies within the tolerance on either side of {@code arrivedAt} — when the delivery reached the webhook endpoint
     * or API Gateway. An arrival time further in the future than the tolerance (a clock or a sender gone wrong) fails.
     *
     * @param payload   the body exactly as Stripe sent it
     * @param header    the {@code Stripe-Signature} header verbatim, or null
     * @param arrivedAt when the delivery arrived (the tolerance's reference point)
     */
    public boolean verify(@Nullable String payload, @Nullable String header, @Nullable Instant arrivedAt) {
        if (arrivedAt == null
                || arrivedAt.getEpochSecond() - clock.instant().getEpochSecond()
                        > properties.tolerance().toSeconds()) {
            return false;
        }
        if (payload == null || header == null || header.isBlank()) {
            return false;
        }
        Long timestamp = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if ("t".equals(key)) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if ("v1".equals(key) && !value.isEmpty()) {
                v1.add(value);
            }
        }
        if (timestamp == null || v1.isEmpty()) {
            return false;
        }
        long now = arrivedAt.getEpochSecond();
        if (Math.abs(now - timestamp) > properties.tolerance().toSeconds()) {
            return false;
        }
        String signedPayload = timestamp + "." + payload;
        for (String secret : properties.secrets()) {
            byte[] expected = hmac(secret, signedPayload).getBytes(StandardCharsets.US_ASCII);
            for (String candidate : v1) {
                // Constant-time comparison: no timing oracle on how many leading hex digits matched.
                if (MessageDigest.isEqual(expected, candidate.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A header Stripe would send for {@code payload} signed with {@code secret} at {@code epochSeconds}. */
    public static String header(String payload, String secret, long epochSeconds) {
        return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + payload);
    }

    public static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

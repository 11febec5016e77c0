package com.patientpayments.bff.emr;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The connector's credential and its read circuit breaker ({@code payments.emr.*}; the connector's addresses are
 * Micronaut's {@code micronaut.http.services.emr.urls}). The breaker's three keys are read by {@link EmrHttp#read}'s
 * {@code @CircuitBreaker} placeholders as well, so their defaults stand once, in {@code application.yml}; binding them
 * here names them in one place and refuses a start without them.
 *
 * @param apiKey       the service credential sent as {@link EmrApiKeyFilter#HEADER} (env {@code EMR_API_KEY}; the
 *                     demo's documented value is the default, which web.DemoSecretsGuard refuses outside the demo)
 * @param readAttempts how many times an idempotent read is tried before the breaker counts a failure (at least 1)
 * @param retryDelay   the pause between those tries
 * @param circuitReset how long the breaker stays open before it lets a read through again
 */
@ConfigurationProperties("payments.emr")
public record EmrSettings(@Nullable String apiKey, int readAttempts, Duration retryDelay, Duration circuitReset) {

    public EmrSettings {
        if (readAttempts < 1) {
            throw new IllegalArgumentException("payments.emr.read-attempts must be at least 1");
        }
        Objects.requireNonNull(retryDelay, "payments.emr.retry-delay");
        Objects.requireNonNull(circuitReset, "payments.emr.circuit-reset");
    }
}

package com.patientpayments.bff.lifecycle;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * How a BFF instance stops on SIGTERM ({@link GracefulShutdown}). Both bounds together must stay below the time the
 * orchestrator waits before SIGKILL (ECS {@code stopTimeout}, 30 s in {@code infra/}). Both defaults are set in
 * {@code application.yml}, where their environment variables are bound, and nowhere else; a negative duration stops
 * the start.
 *
 * @param readinessDelay how long the instance keeps serving HTTP after {@code /health/readiness} turned 503, so a
 *                       load balancer sees it and stops sending new requests (env {@code SHUTDOWN_READINESS_DELAY});
 *                       default 5 s. ECS behind an ALB already deregisters the task before SIGTERM, so a few seconds
 *                       are enough there.
 * @param drainTimeout   the most the queue consumer's in-flight messages are waited for (env
 *                       {@code SHUTDOWN_DRAIN_TIMEOUT}); default 20 s. A message still being processed after it is not
 *                       deleted: SQS redelivers it after its visibility timeout, and posting is idempotent.
 */
@ConfigurationProperties("payments.shutdown")
public record ShutdownSettings(Duration readinessDelay, Duration drainTimeout) {

    /** @throws IllegalStateException when a bound is absent or negative (the key and its variable are named) */
    public ShutdownSettings {
        requireNotNegative(readinessDelay, "payments.shutdown.readiness-delay (SHUTDOWN_READINESS_DELAY)");
        requireNotNegative(drainTimeout, "payments.shutdown.drain-timeout (SHUTDOWN_DRAIN_TIMEOUT)");
    }

    private static void requireNotNegative(@Nullable Duration d, String key) {
        if (d == null || d.isNegative()) {
            throw new IllegalStateException(key + " must be a duration of zero or more");
        }
    }
}

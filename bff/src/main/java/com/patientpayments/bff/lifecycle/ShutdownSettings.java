package com.patientpayments.bff.lifecycle;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How a BFF instance stops on SIGTERM ({@link GracefulShutdown}). Both bounds together must stay below the time the
 * orchestrator waits before SIGKILL (ECS {@code stopTimeout}, 30 s in {@code infra/}). Both defaults are set in
 * {@code application.yml}, where their environment variables are bound; this record falls back to the same values only
 * when built directly (tests) or given a negative duration.
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

    public ShutdownSettings {
        readinessDelay = readinessDelay == null || readinessDelay.isNegative() ? Duration.ofSeconds(5) : readinessDelay;
        drainTimeout = drainTimeout == null || drainTimeout.isNegative() ? Duration.ofSeconds(20) : drainTimeout;
    }
}

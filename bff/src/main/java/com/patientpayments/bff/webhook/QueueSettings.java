package com.patientpayments.bff.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Objects;

/**
 * The SQS queue verified webhook events travel through, and its consumer.
 *
 * @param endpoint           SQS endpoint override (env {@code SQS_ENDPOINT}); empty: an embedded ElasticMQ on a free
 *                           127.0.0.1 port (demo and tests)
 * @param name               main queue name (env {@code SQS_QUEUE_NAME}); blank or absent: {@code payments-webhooks}
 * @param dlqName            dead-letter queue name; default {@code <name>-dlq}
 * @param maxReceives        receives after which SQS moves a message to the DLQ (redrive {@code maxReceiveCount});
 *                           set in {@code application.yml} (5), which {@code infra/} reads at synth
 * @param visibilityTimeout  how long a received message stays hidden while it is processed; set in
 *                           {@code application.yml} (30 s), which {@code infra/} reads at synth
 * @param retryBackoff       after a failed attempt the message becomes visible again after
 *                           {@code retryBackoff × receiveCount} (capped at the visibility timeout); default 2 s
 * @param waitTime           long-polling wait of one receive (1–20 s); default 10 s
 * @param concurrency        consumer threads, each processing one message at a time; default 8
 * @param consumerEnabled    whether the consumer starts with the application (off for one-shot commands); default true
 */
@ConfigurationProperties("payments.queue")
public record QueueSettings(
        @Nullable String endpoint,
        String name,
        @Nullable String dlqName,
        int maxReceives,
        Duration visibilityTimeout,
        @Bindable(defaultValue = "2s") Duration retryBackoff,
        @Bindable(defaultValue = "10s") Duration waitTime,
        @Bindable(defaultValue = "8") int concurrency,
        @Bindable(defaultValue = "true") boolean consumerEnabled) {

    public QueueSettings {
        name = name == null || name.isBlank() ? "payments-webhooks" : name.trim();
        dlqName = dlqName == null || dlqName.isBlank() ? name + "-dlq" : dlqName.trim();
        endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
        maxReceives = Math.max(1, maxReceives);
        Objects.requireNonNull(visibilityTimeout, "payments.queue.visibility-timeout");
        Objects.requireNonNull(retryBackoff, "payments.queue.retry-backoff");
        Objects.requireNonNull(waitTime, "payments.queue.wait-time");
        concurrency = Math.max(1, concurrency);
    }

    /** Whether the application must run its own ElasticMQ. */
    public boolean embedded() {
        return endpoint == null;
    }
}

package com.patientpayments.bff.email;

import com.patientpayments.bff.redis.RedisStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued receipt emails in the background through SES v2, with the PDF rendered from authoritative data.
 *
 * <p>Never twice for one request: each request has an id and a marker in Redis ({@code email:req:<id>}), claimed
 * with {@code SET NX} before the first attempt and set to {@code SENT} after SES accepted the message. A failed
 * attempt is retried by {@link ReceiptEmailAttempts} (micronaut-retry, doubling back-off, up to
 * {@code payments.email.max-attempts}) only when the message certainly did not reach SES; given up, the marker
 * becomes {@code FAILED} (certainly not sent) or {@code UNKNOWN} (may have been sent). Outcomes are counted in
 * {@code receipt.emails{outcome}} ({@code sent}, {@code retried}, {@code failed}, {@code ambiguous}); the SES call
 * is timed as {@code email.send}. Logs carry the request id only.
 */
@Singleton
public class ReceiptEmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptEmailSender.class);

    /** One queued email in a language. The address lives only in memory, never in Redis, logs or metrics. */
    public record Job(String requestId, String householdId, String txId, String to, String locale) {

        /** An English email. */
        public Job(String requestId, String householdId, String txId, String to) {
            this(requestId, householdId, txId, to, "en");
        }

        @Override
        public String toString() {
            return "Job[" + requestId + "]";
        }
    }

    private final ReceiptEmailAttempts attempts;
    private final RedisStore redis;
    private final EmailSettings props;
    private final ExecutorService blocking;
    private final MeterRegistry registry;

    public ReceiptEmailSender(
            ReceiptEmailAttempts attempts,
            RedisStore redis,
            EmailSettings props,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
            MeterRegistry registry) {
        this.attempts = attempts;
        this.redis = redis;
        this.props = props;
        this.blocking = blocking;
        this.registry = registry;
    }

    /** Starts sending in the background; returns at once. */
    public void submit(Job job) {
        blocking.execute(() -> start(job));
    }

    private void start(Job job) {
        String marker = "email:req:" + job.requestId();
        if (!redis.setIfAbsent(marker, "PENDING", props.markerTtl())) {
            LOG.warn("receipt email {} was already claimed; not sending again", job.requestId());
            return;
        }
        AtomicInteger made = new AtomicInteger();
        attempts.send(job, made).whenComplete((sent, failure) -> {
            if (sent != null && sent) {
                count("sent");
            } else if (failure != null) {
                giveUp(job, marker, made.get(), failure);
            }
        });
    }

    private void giveUp(Job job, String marker, int attempt, Throwable failure) {
        boolean safe = failure instanceof ReceiptEmailAttempts.NotSent;
        Throwable cause = failure.getCause();
        String reason = (cause == null ? failure : cause).getClass().getSimpleName();
        try {
            redis.set(marker, safe ? "FAILED" : "UNKNOWN", props.markerTtl());
        } finally {
            count(safe ? "failed" : "ambiguous");
            LOG.error("receipt email {} given up after attempt {} ({})", job.requestId(), attempt, reason);
        }
    }

    private void count(String outcome) {
        registry.counter("receipt.emails", "outcome", outcome).increment();
    }
}

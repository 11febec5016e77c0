package com.patientpayments.bff.webhook;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import com.patientpayments.bff.StartupSettings;
import com.patientpayments.bff.emr.EmrHttp;
import com.patientpayments.bff.observability.Failures;
import com.patientpayments.bff.payment.StripeSignatureVerifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Drains the webhook queue: {@code concurrency} threads, each long-polling one message at a time (bounded
 * concurrency).
 *
 * <p><b>Every message is verified first</b>, whichever ingress wrote it (the BFF's endpoint or API Gateway's SQS
 * integration, see {@link WebhookQueue}): the body byte-exact against its {@value WebhookQueue#SIGNATURE} attribute
 * with the configured secrets (current and rotated), the signed timestamp within {@code payments.webhook.tolerance}
 * of the delivery's arrival ({@value WebhookQueue#RECEIVED_AT}, else SQS's {@code SentTimestamp}). A message that
 * fails is never applied: it is moved to the DLQ at once (alarm "DLQ depth > 0"; after a secret fix an operator
 * replays it, forged ones are purged) and counted as {@code payments_webhook_unverified_total{reason}}
 * ({@code missing_signature}, {@code invalid_signature}) and {@code pp_failures_total{operation="webhook",
 * reason="unverified"}}.
 *
 * <p>A verified message is deleted only after {@link StripeEventProcessor} reports it settled (committed, parked
 * by the connector, or not ours); one an operator must look at goes to the DLQ at once; otherwise it becomes visible
 * again after a backoff growing with its receive count, and SQS moves it to the DLQ after {@code max-receives}.
 * Each message is handled under the request id {@code sqs-<messageId>}. Starts with the HTTP server unless {@code payments.queue.consumer-enabled=false}.
 *
 * <p>Why not micronaut-jms-sqs's {@code @JMSListener} (judged for issue 13): JMS acknowledgement only deletes or
 * releases at once, so the receive-count backoff, the immediate DLQ move and the drain on shutdown would still need
 * the raw {@code SqsClient}; and {@code micronaut-messaging}, which it requires, does not resolve on this build's registry.
 */
@Singleton
public class WebhookConsumer implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookConsumer.class);

    private final BeanProvider<WebhookQueue> queueProvider;
    private final BeanProvider<StripeEventProcessor> processorProvider;
    private final QueueSettings properties;
    private final StripeSignatureVerifier verifier;
    private final Failures failures;
    private final Counter missingSignature;
    private final Counter invalidSignature;
    private final Duration startDelay;
    /** Messages received and not yet settled (deleted, dead-lettered or released). */
    private final AtomicInteger inFlight = new AtomicInteger();

    @GuardedBy("this")
    private @Nullable ExecutorService workers;

    private volatile boolean running;

    /**
     * The queue (created at first use when missing) and the processor are resolved on the consumer's own threads, so
     * the HTTP server does not wait for SQS round trips before it answers.
     */
    public WebhookConsumer(
            BeanProvider<WebhookQueue> queue,
            BeanProvider<StripeEventProcessor> processor,
            QueueSettings properties,
            StripeSignatureVerifier verifier,
            Failures failures,
            MeterRegistry meters,
            StartupSettings startup) {
        this.startDelay = startup.backgroundDelay();
        this.verifier = verifier;
        this.failures = failures;
        this.missingSignature = unverified(meters, "missing_signature");
        this.invalidSignature = unverified(meters, "invalid_signature");
        this.queueProvider = queue;
        this.processorProvider = processor;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (properties.consumerEnabled()) {
            start();
        }
    }

    /** Starts the consumer threads (no-op when running). */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(properties.concurrency(), r -> {
            Thread t = new Thread(r, "webhook-consumer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ExecutorService pool = workers;
        pool.submit(() -> {
            // Let the HTTP server answer its first requests before competing with it for the cores.
            try {
                Thread.sleep(startDelay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            WebhookQueue queue = null;
            StripeEventProcessor processor = null;
            while (queue == null || processor == null) {
                try {
                    queue = queueProvider.get();
                    processor = processorProvider.get();
                } catch (RuntimeException e) {
                    if (!running || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    LOG.error(
                            "Webhook consumer waiting for the queue ({}); retrying",
                            e.getClass().getSimpleName());
                    pause();
                }
            }
            Resolved resolved = new Resolved(queue, processor);
            for (int i = 1; i < properties.concurrency(); i++) {
                pool.submit(() -> loop(resolved));
            }
            LOG.info("Webhook consumer started ({} threads)", properties.concurrency());
            loop(resolved);
        });
    }

    private static Counter unverified(MeterRegistry meters, String reason) {
        return Counter.builder("payments.webhook.unverified")
                .description("Queued webhook messages whose signature did not verify (moved to the DLQ, not applied)")
                .tag("reason", reason)
                .register(meters);
    }

    /**
     * The first step of a graceful shutdown: takes no new message from now on (a receive already under way hands
     * its messages back at once, visible to the other instances) while the messages being processed finish.
     */
    public void stopTaking() {
        running = false;
    }

    /** Messages received and not yet settled. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Waits until no message is being processed, at most {@code bound}. Answers whether it got there; a message still
     * being processed afterwards is not lost: it is not deleted, so SQS redelivers it after its visibility timeout
     * (and posting is idempotent).
     */
    public boolean awaitIdle(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Stops taking messages; a message being processed is finished or, if interrupted, redelivered later. */
    @PreDestroy
    public synchronized void stop() {
        running = false;
        if (workers != null) {
            workers.shutdownNow();
            try {
                // A thread still inside a long poll is a daemon and holds no message: do not delay shutdown for it.
                workers.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers = null;
        }
    }

    /** The queue and the processor, once both beans could be created. */
    private record Resolved(WebhookQueue queue, StripeEventProcessor processor) {}

    private void loop(Resolved resolved) {
        WebhookQueue queue = resolved.queue();
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                List<Message> messages = queue.receive(1);
                for (Message message : messages) {
                    inFlight.incrementAndGet();
                    try {
                        if (running) {
                            handle(resolved, message);
                        } else {
                            // Received after the shutdown began: hand it straight back to the other instances.
                            queue.retryLater(message, 0);
                        }
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Webhook queue receive failed: {}", e.getClass().getSimpleName());
                pause();
            }
        }
    }

    private void handle(Resolved resolved, Message message) {
        // The consumer's own request id: forwarded to the connector, so one message can be followed in both logs.
        MDC.put(EmrHttp.MDC_KEY, "sqs-" + message.messageId());
        try {
            Instant arrivedAt = arrivedAt(message);
            if (!verified(message, arrivedAt)) {
                failures.record("webhook", "unverified");
                LOG.warn("Queued webhook message failed signature verification; moved to the dead-letter queue");
                resolved.queue().deadLetter(message);
                return;
            }
            settle(resolved.queue(), message, resolved.processor().process(message.body(), arrivedAt));
        } finally {
            MDC.remove(EmrHttp.MDC_KEY);
        }
    }

    private void settle(WebhookQueue queue, Message message, ProcessingOutcome outcome) {
        if (outcome.settled()) {
            queue.delete(message);
            return;
        }
        if (outcome == ProcessingOutcome.DEAD_LETTER) {
            queue.deadLetter(message);
            return;
        }
        queue.retryLater(message, retryDelaySeconds(message, properties));
    }

    /**
     * Seconds until a message that was not settled is received again: {@code retry-backoff} × its receive count (SQS's
     * {@code ApproximateReceiveCount}; 1 when absent), never more than the visibility timeout.
     */
    static int retryDelaySeconds(Message message, QueueSettings settings) {
        int receives = Integer.parseInt(
                message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        return (int) Math.min(
                settings.retryBackoff().toSeconds() * receives,
                settings.visibilityTimeout().toSeconds());
    }

    private boolean verified(Message message, @Nullable Instant arrivedAt) {
        var signature = message.messageAttributes().get(WebhookQueue.SIGNATURE);
        if (signature == null
                || signature.stringValue() == null
                || signature.stringValue().isBlank()) {
            missingSignature.increment();
            return false;
        }
        if (!verifier.verify(message.body(), signature.stringValue(), arrivedAt)) {
            invalidSignature.increment();
            return false;
        }
        return true;
    }

    /**
     * When the delivery arrived: the {@value WebhookQueue#RECEIVED_AT} attribute (set by the BFF's endpoint and by
     * API Gateway; a client cannot set it through either), else SQS's own {@code SentTimestamp}; null if neither.
     */
    static @Nullable Instant arrivedAt(Message message) {
        var attribute = message.messageAttributes().get(WebhookQueue.RECEIVED_AT);
        String millis = attribute != null
                ? attribute.stringValue()
                : message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        try {
            return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

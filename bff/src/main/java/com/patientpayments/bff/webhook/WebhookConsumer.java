package com.patientpayments.bff.webhook;

import org.jspecify.annotations.Nullable;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import com.patientpayments.bff.emr.EmrHttp;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.google.errorprone.annotations.concurrent.GuardedBy;

/**
 * Drains the webhook queue: {@code concurrency} threads, each long-polling one message at a time (bounded
 * concurrency). A message is deleted only after {@link StripeEventProcessor} reports it settled (committed, parked
 * by the connector, or not ours); one an operator must look at goes to the DLQ at once; otherwise it becomes visible
 * again after a backoff growing with its receive count, and SQS moves it to the DLQ after {@code max-receives}.
 * Each message is handled under the request id {@code sqs-<messageId>}. Starts with the HTTP server unless {@code payments.queue.consumer-enabled=false}.
 */
@Singleton
public class WebhookConsumer implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookConsumer.class);

    private final BeanProvider<WebhookQueue> queueProvider;
    private final BeanProvider<StripeEventProcessor> processorProvider;
    private final QueueProperties properties;
    private final Duration startDelay;
    private volatile WebhookQueue queue;
    private volatile StripeEventProcessor processor;
    @GuardedBy("this")
    private @Nullable ExecutorService workers;
    private volatile boolean running;

    /**
     * The queue (created at first use when missing) and the processor are resolved on the consumer's own threads, so
     * the HTTP server does not wait for SQS round trips before it answers.
     */
    public WebhookConsumer(BeanProvider<WebhookQueue> queue, BeanProvider<StripeEventProcessor> processor,
                           QueueProperties properties,
                           @Value("${payments.startup.background-delay:1500ms}") Duration startDelay) {
        this.startDelay = startDelay;
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
            while (queue == null || processor == null) {
                try {
                    queue = queueProvider.get();
                    processor = processorProvider.get();
                } catch (RuntimeException e) {
                    if (!running || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    LOG.error("Webhook consumer waiting for the queue ({}); retrying", e.getClass().getSimpleName());
                    pause();
                }
            }
            for (int i = 1; i < properties.concurrency(); i++) {
                pool.submit(this::loop);
            }
            LOG.info("Webhook consumer started ({} threads)", properties.concurrency());
            loop();
        });
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

    public boolean running() {
        return running;
    }

    private void loop() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                List<Message> messages = queue.receive(1);
                for (Message message : messages) {
                    handle(message);
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

    private void handle(Message message) {
        // The consumer's own request id: forwarded to the connector, so one message can be followed in both logs.
        MDC.put(EmrHttp.MDC_KEY, "sqs-" + message.messageId());
        try {
            settle(message, processor.process(message.body(), receivedAt(message)));
        } finally {
            MDC.remove(EmrHttp.MDC_KEY);
        }
    }

    private void settle(Message message, ProcessingOutcome outcome) {
        if (outcome.settled()) {
            queue.delete(message);
            return;
        }
        if (outcome == ProcessingOutcome.DEAD_LETTER) {
            queue.deadLetter(message);
            return;
        }
        int receives = Integer.parseInt(message.attributes()
                .getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        long delay = Math.min(properties.retryBackoff().toSeconds() * receives, properties.visibilityTimeout().toSeconds());
        queue.retryLater(message, (int) delay);
    }

    private static Instant receivedAt(Message message) {
        var attribute = message.messageAttributes().get(WebhookQueue.RECEIVED_AT);
        try {
            return attribute == null ? null : Instant.ofEpochMilli(Long.parseLong(attribute.stringValue()));
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

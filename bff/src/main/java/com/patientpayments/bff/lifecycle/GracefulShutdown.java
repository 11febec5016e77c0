package com.patientpayments.bff.lifecycle;

import com.patientpayments.bff.webhook.WebhookConsumer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import sun.misc.Signal;

/**
 * A BFF's graceful shutdown on SIGTERM (what ECS, Kubernetes and {@code docker stop} send), in this order:
 * <ol>
 *   <li>readiness goes down: {@code /health/readiness} answers 503 {@code {"status":"DOWN"}} (public and management
 *   port) while liveness ({@code /health}, {@code /health/liveness}) stays 200, so the orchestrator does not kill the
 *   task and a load balancer stops routing new requests to it;</li>
 *   <li>the queue consumer takes no new message ({@link WebhookConsumer#stopTaking()}); messages it is processing
 *   finish, at most {@link ShutdownSettings#drainTimeout()};</li>
 *   <li>HTTP keeps being served for at least {@link ShutdownSettings#readinessDelay()} after step 1 (the load
 *   balancer's time to notice);</li>
 *   <li>the process exits (status 0): Micronaut's own shutdown stops the HTTP server, letting requests under way
 *   complete, and closes the application context.</li>
 * </ol>
 * Installed by {@link com.patientpayments.bff.Application#main} only (not in tests that run a context in-process);
 * SIGINT (Ctrl-C in the demo) keeps the JVM's immediate behaviour.
 */
@Singleton
@Readiness
public class GracefulShutdown implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final WebhookConsumer consumer;
    private final ShutdownSettings properties;
    private final AtomicBoolean draining = new AtomicBoolean();

    public GracefulShutdown(WebhookConsumer consumer, ShutdownSettings properties) {
        this.consumer = consumer;
        this.properties = properties;
    }

    /**
     * Makes SIGTERM run {@link #drain()} on its own thread and then exit the JVM with status 0. A second SIGTERM
     * while draining is ignored; the orchestrator's SIGKILL remains the hard stop.
     */
    public static void installSignalHandler(ApplicationContext context) {
        Signal.handle(new Signal("TERM"), signal -> {
            Thread t = new Thread(
                    () -> {
                        try {
                            context.getBean(GracefulShutdown.class).drain();
                        } catch (RuntimeException e) {
                            LOG.error(
                                    "Graceful shutdown failed ({}); exiting",
                                    e.getClass().getSimpleName());
                        }
                        System.exit(0);
                    },
                    "graceful-shutdown");
            t.setDaemon(false);
            t.start();
        });
    }

    /** Whether the shutdown has begun (readiness is down). */
    public boolean draining() {
        return draining.get();
    }

    /**
     * Steps 1–3 above; answers once the consumer is idle (or its bound passed) and the readiness delay is over.
     * Idempotent: a second call returns at once.
     */
    public void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        LOG.info("SIGTERM: readiness down, queue consumer stops taking messages ({} in flight)", consumer.inFlight());
        consumer.stopTaking();
        boolean idle = consumer.awaitIdle(properties.drainTimeout());
        if (!idle) {
            LOG.warn(
                    "Queue consumer still busy after {}; the unfinished messages will be redelivered",
                    properties.drainTimeout());
        }
        long waited = System.nanoTime() - started;
        long rest = properties.readinessDelay().toNanos() - waited;
        if (rest > 0) {
            try {
                Thread.sleep(Duration.ofNanos(rest).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info(
                "Drained in {} ms; stopping",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Readiness: DOWN once the shutdown has begun, UP otherwise. */
    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.just(HealthResult.builder("shutdown", draining.get() ? HealthStatus.DOWN : HealthStatus.UP)
                .build());
    }
}

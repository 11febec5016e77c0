package com.patientpayments.bff.demo;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.FutureConverters;

/**
 * An in-process ElasticMQ (SQS API) on a free 127.0.0.1 port, for the demo and tests when no {@code SQS_ENDPOINT}
 * is configured. Messages live in memory: they do not survive a restart of the BFF.
 *
 * <p>The BFF finds it by bean discovery only: {@code webhook.SqsEndpointConfigurer} asks for the bean named
 * {@value #BEAN_NAME} of type {@code Supplier<URI>} (its endpoint) when the queue endpoint is empty. Created on that
 * first request, stopped with the application context.
 */
@Singleton
@Named(EmbeddedSqs.BEAN_NAME)
public class EmbeddedSqs implements Supplier<URI> {

    /** The bean name the BFF asks for (the same literal as in {@code webhook.SqsEndpointConfigurer}). */
    public static final String BEAN_NAME = "embedded-sqs";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSqs.class);

    /**
     * How long {@link #stop} waits, in seconds. ElasticMQ's own {@code stopAndWait} gives open requests up to one
     * minute (its Pekko HTTP binding's hard deadline): a consumer's long poll still open when the context closes kept
     * every test class that used the queue waiting that long. Past this bound the server finishes closing in the
     * background (the port is a free one, never reused by the next instance on purpose).
     */
    static final long STOP_BOUND_SECONDS = 3;

    private final SQSRestServer server;
    private final URI endpoint;

    /** On a free port (the bean the BFF's context creates). */
    @Inject
    public EmbeddedSqs() {
        this(LocalPorts.freePort());
    }

    private EmbeddedSqs(int port) {
        server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .start();
        server.waitUntilStarted();
        endpoint = URI.create("http://127.0.0.1:" + port);
        LOG.info("Embedded SQS (ElasticMQ) listening on {}", endpoint);
    }

    /** Starts a stand-alone instance (tests that must outlive one application context). */
    public static EmbeddedSqs start() {
        return new EmbeddedSqs();
    }

    /** Starts a stand-alone instance on 127.0.0.1:{@code port} (the image build's AppCDS training run). */
    public static EmbeddedSqs start(int port) {
        return new EmbeddedSqs(port);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The SQS endpoint, {@code http://127.0.0.1:<port>}: what the BFF's SQS client is pointed at. */
    @Override
    public URI get() {
        return endpoint;
    }

    /**
     * Stops the server: refuses new connections at once and waits at most {@value #STOP_BOUND_SECONDS} s for open
     * requests (an in-flight long poll) before returning; the rest of ElasticMQ's shutdown goes on in the background.
     */
    @PreDestroy
    public void stop() {
        try {
            FutureConverters.asJava(server.stopAndGetFuture().apply())
                    .toCompletableFuture()
                    .get(STOP_BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.info(
                    "Embedded SQS: open requests still closing after {} s; stopping in the background",
                    STOP_BOUND_SECONDS);
        } catch (ExecutionException e) {
            LOG.warn("Embedded SQS did not stop cleanly: {}", String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

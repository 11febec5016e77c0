package com.patientpayments.bff.demo;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.function.Supplier;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    @PreDestroy
    public void stop() {
        server.stopAndWait();
    }
}

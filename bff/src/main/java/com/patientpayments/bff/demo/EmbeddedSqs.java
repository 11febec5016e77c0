package com.patientpayments.bff.demo;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process ElasticMQ (SQS API) on a free 127.0.0.1 port, for the demo and tests when no {@code SQS_ENDPOINT}
 * is configured. Messages live in memory: they do not survive a restart of the BFF.
 */
@Singleton
public class EmbeddedSqs {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSqs.class);

    private final SQSRestServer server;
    private final URI endpoint;

    public EmbeddedSqs() {
        int port = LocalPorts.freePort();
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

    public URI endpoint() {
        return endpoint;
    }

    @PreDestroy
    public void stop() {
        server.stopAndWait();
    }
}

package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.demo.EmbeddedSqs;
import com.patientpayments.bff.demo.LocalPorts;
import com.patientpayments.bff.payment.StripeSignatureVerifier;
import com.patientpayments.bff.testsupport.BffTestSupport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A BFF whose queue is unreachable when it starts keeps serving, and its consumer picks the queue up once SQS
 * answers; an SQS outage while it runs does not stop it; once shutdown begins it leaves new deliveries to the other
 * instances. Against a real ElasticMQ started late (and restarted) on the configured port.
 */
class WebhookConsumerRecoveryTest {

    private static final String SECRET =
            "whsec_recovery_" + UUID.randomUUID().toString().replace("-", "");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static int post(EmbeddedServer server, String path, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** An event the ledger ignores (counted as type "other"), so each processed delivery is visible in a counter. */
    private static String event() {
        return "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "")
                + "\",\"object\":\"event\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"type\":\"customer.created\",\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}";
    }

    private static String sign(String event) {
        return StripeSignatureVerifier.header(event, SECRET, Instant.now().getEpochSecond());
    }

    private static double ignoredOther(MeterRegistry meters) {
        Counter c = meters.find("payments.webhook.processed")
                .tag("type", "other")
                .tag("outcome", "ignored")
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aConsumerStartedWhileTheQueueIsDownProcessesDeliveriesOnceItIsUp() throws Exception {
        int port = LocalPorts.freePort();
        Map<String, Object> p = new HashMap<>(BffTestSupport.properties(WebhookConsumerRecoveryTest.class));
        p.put("micronaut.server.host", "127.0.0.1");
        p.put("payments.webhook.secrets", SECRET);
        p.put("payments.queue.endpoint", "http://127.0.0.1:" + port);
        p.put("payments.queue.name", "recovery-" + UUID.randomUUID());
        p.put("payments.queue.wait-time", "1s");
        p.put("payments.queue.concurrency", "2");
        p.put("aws.access-key-id", "local");
        p.put("aws.secret-key", "local");
        p.put("payments.reconciliation.enabled", "false");
        EmbeddedSqs sqs = null;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p)) {
            MeterRegistry meters = server.getApplicationContext().getBean(MeterRegistry.class);
            WebhookConsumer consumer = server.getApplicationContext().getBean(WebhookConsumer.class);
            // The server answers while the consumer waits for the queue.
            assertThat(post(server, "/graphql", "{\"query\":\"{ __typename }\"}", null))
                    .isEqualTo(200);
            assertThat(consumer.inFlight()).isZero();

            sqs = EmbeddedSqs.start(port);
            String event = event();
            String signature = sign(event);
            double before = ignoredOther(meters);
            Instant deadline = Instant.now().plusSeconds(60);
            while (post(server, "/webhooks/stripe", event, signature) != 200) {
                assertThat(Instant.now())
                        .as("the endpoint accepts once SQS is up")
                        .isBefore(deadline);
                Thread.sleep(200);
            }
            while (ignoredOther(meters) < before + 1) {
                assertThat(Instant.now())
                        .as("the consumer processed the delivery")
                        .isBefore(deadline);
                Thread.sleep(100);
            }
            WebhookQueue queue = server.getApplicationContext().getBean(WebhookQueue.class);
            while (queue.depth() > 0) {
                assertThat(Instant.now())
                        .as("the processed delivery is deleted")
                        .isBefore(deadline);
                Thread.sleep(100);
            }
            assertThat(queue.deadLetterDepth()).isZero();

            // SQS goes away while the consumer runs (its in-memory queues with it) and comes back: the consumer keeps
            // polling through the outage and processes the next delivery.
            sqs.stop();
            sqs = null;
            Thread.sleep(1500);
            sqs = EmbeddedSqs.start(port);
            new WebhookQueue(
                    server.getApplicationContext().getBean(SqsClient.class),
                    server.getApplicationContext().getBean(QueueSettings.class),
                    new SimpleMeterRegistry());
            String second = event();
            while (post(server, "/webhooks/stripe", second, sign(second)) != 200) {
                assertThat(Instant.now())
                        .as("the endpoint accepts after the outage")
                        .isBefore(deadline);
                Thread.sleep(200);
            }
            while (ignoredOther(meters) < before + 2) {
                assertThat(Instant.now())
                        .as("the consumer processed a delivery after the outage")
                        .isBefore(deadline);
                Thread.sleep(100);
            }

            // Shutdown begins: a delivery that arrives now is not processed here but left visible for the other
            // instances at once (not hidden for a visibility timeout).
            consumer.stopTaking();
            String third = event();
            queue.send(third, sign(third), Instant.now().toEpochMilli());
            Thread.sleep(1500); // longer than one long poll: a receive under way has returned
            assertThat(consumer.awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(ignoredOther(meters)).isEqualTo(before + 2);
            List<Message> left = List.of();
            while (left.isEmpty()) {
                assertThat(Instant.now())
                        .as("the delivery is visible to another consumer")
                        .isBefore(deadline);
                left = queue.receive(1);
            }
            assertThat(left.get(0).body()).isEqualTo(third);
        } finally {
            if (sqs != null) {
                sqs.stop();
            }
        }
    }
}

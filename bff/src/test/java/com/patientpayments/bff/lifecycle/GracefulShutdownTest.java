package com.patientpayments.bff.lifecycle;

import static com.patientpayments.bff.testsupport.ConnectorHouseholds.transactionCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.patientpayments.bff.payment.StripeSignatureVerifier;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.ConnectorApi;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import com.patientpayments.bff.webhook.WebhookConsumer;
import com.patientpayments.bff.webhook.WebhookQueue;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The BFF's graceful shutdown ({@link GracefulShutdown#drain()}, what its SIGTERM handler runs; the signal itself is
 * exercised on a real process by {@code multi.MultiInstanceTest}). The real connector sits behind a TCP proxy that
 * slows every request down, so a queue message is provably in flight when the shutdown begins: readiness goes down
 * while liveness stays up (public and management port), the in-flight message is finished and posted, and a message
 * arriving after the shutdown began is not taken (it stays on the queue for the other instances).
 */
class GracefulShutdownTest {

    private static final String SECRET = "whsec_shutdown_" + EmrConnectorProcess.randomHex(4);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SlowProxy proxy;
    private static EmbeddedServer server;
    private static String management;
    private static String householdId;

    @BeforeAll
    static void start() throws Exception {
        EmrConnectorProcess emr = EmrConnectorProcess.shared();
        proxy = new SlowProxy(emr.port());
        Map<String, Object> p = new HashMap<>(BffTestSupport.properties(GracefulShutdownTest.class));
        p.put("micronaut.server.host", "127.0.0.1");
        p.put("micronaut.http.services.emr.urls", "http://127.0.0.1:" + proxy.port());
        p.put("micronaut.http.services.emr.read-timeout", "20s");
        p.put("payments.webhook.secrets", SECRET);
        p.put("payments.queue.name", "shutdown-" + UUID.randomUUID());
        p.put("payments.queue.wait-time", "1s");
        p.put("payments.queue.concurrency", "2");
        p.put("payments.reconciliation.enabled", "false");
        p.put("payments.shutdown.readiness-delay", "1s");
        p.put("payments.shutdown.drain-timeout", "30s");
        server = ApplicationContext.run(EmbeddedServer.class, p);
        management = BffTestSupport.managementUrl(server).toString();
        householdId = ConnectorApi.householdId(BffTestSupport.OTHER_PRACTICE, "200100", "Nguyen-Smith");
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void readinessGoesDownFirstTheInFlightMessageFinishesAndNothingNewIsTaken() throws Exception {
        GracefulShutdown shutdown = server.getApplicationContext().getBean(GracefulShutdown.class);
        WebhookConsumer consumer = server.getApplicationContext().getBean(WebhookConsumer.class);
        WebhookQueue queue = server.getApplicationContext().getBean(WebhookQueue.class);
        assertThat(status(server.getURL() + "/health/readiness")).isEqualTo(200);
        assertThat(status(management + "/health/readiness")).isEqualTo(200);
        String inFlight = attempt(2500);
        String late = attempt(2600);

        proxy.delayMillis = 500;
        send(queue, inFlight, 2500);
        await("the message is being processed", () -> consumer.inFlight() == 1);
        CompletableFuture<Void> drain = CompletableFuture.runAsync(shutdown::drain);
        await("the shutdown began", shutdown::draining);

        assertThat(status(server.getURL() + "/health/readiness")).isEqualTo(503);
        assertThat(status(management + "/health/readiness")).isEqualTo(503);
        assertThat(status(server.getURL() + "/health")).isEqualTo(200);
        assertThat(status(server.getURL() + "/health/liveness")).isEqualTo(200);
        assertThat(status(management + "/health/liveness")).isEqualTo(200);
        assertThat(transactionCount(inFlight))
                .as("still in flight when readiness went down")
                .isZero();
        send(queue, late, 2600);

        drain.get(60, TimeUnit.SECONDS);
        assertThat(consumer.inFlight()).isZero();
        assertThat(transactionCount(inFlight))
                .as("the in-flight message was finished")
                .isEqualTo(1);
        // The late message stays on the queue for the other instances (a receive already under way hands it back).
        Thread.sleep(1500);
        assertThat(transactionCount(late)).isZero();
        assertThat(visible(queue)).isEqualTo(1);
        // HTTP is still served until the process exits (Micronaut's own shutdown after drain()).
        assertThat(status(server.getURL() + "/health")).isEqualTo(200);
    }

    private String attempt(long cents) throws Exception {
        EmrConnectorProcess emr = EmrConnectorProcess.shared();
        ObjectMapper json = new ObjectMapper();
        String attempt = HTTP.send(
                        HttpRequest.newBuilder(URI.create(emr.url() + "/api/v1/payment-attempts"))
                                .header("X-Api-Key", emr.apiKey())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"householdId\":\"" + householdId + "\",\"amountCents\":" + cents
                                                + ",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String intent = "pi_shutdown" + UUID.randomUUID().toString().replace("-", "");
        HTTP.send(
                HttpRequest.newBuilder(URI.create(emr.url() + "/api/v1/payment-attempts/"
                                + json.readTree(attempt).path("id").asText() + "/intent"))
                        .header("X-Api-Key", emr.apiKey())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"providerIntentId\":\"" + intent + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return intent;
    }

    private static void send(WebhookQueue queue, String intent, long cents) {
        long now = Instant.now().getEpochSecond();
        String event = "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                + "\"api_version\":\"" + com.stripe.Stripe.API_VERSION + "\",\"created\":" + now
                + ",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"" + intent
                + "\",\"object\":\"payment_intent\",\"amount\":" + cents + ",\"amount_received\":" + cents
                + ",\"currency\":\"usd\",\"status\":\"succeeded\",\"created\":" + now + "}}}";
        queue.send(event, StripeSignatureVerifier.header(event, SECRET, now), System.currentTimeMillis());
    }

    private static long visible(WebhookQueue queue) {
        SqsClient sqs = server.getApplicationContext().getBean(SqsClient.class);
        return Long.parseLong(sqs.getQueueAttributes(b ->
                        b.queueUrl(queue.queueUrl()).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    /** A TCP proxy in front of the connector that holds every chunk from the BFF for {@link #delayMillis}. */
    static final class SlowProxy implements AutoCloseable {
        private final ServerSocket socket;
        private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "slow-proxy");
            t.setDaemon(true);
            return t;
        });
        volatile long delayMillis;

        SlowProxy(int upstreamPort) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            pool.submit(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                        pool.submit(() -> pipe(client, upstream, true));
                        pool.submit(() -> pipe(upstream, client, false));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        private void pipe(Socket from, Socket to, boolean delayed) {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (delayed && delayMillis > 0) {
                        Thread.sleep(delayMillis);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // connection closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            pool.shutdownNow();
        }
    }
}

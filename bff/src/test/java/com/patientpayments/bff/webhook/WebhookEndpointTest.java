package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.payment.StripeSignatureVerifier;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The webhook endpoint over real HTTP with the real embedded queue: valid events are queued byte-exact, every
 * invalid request is a generic 400 and leaves the queue empty. The consumer is off so the queue can be inspected.
 */
class WebhookEndpointTest {

    private static final String SECRET = "whsec_test_endpoint";
    private static final String OLD_SECRET = "whsec_test_old";
    private static EmbeddedServer server;
    private static WebhookQueue queue;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "micronaut.server.port",
                        -1,
                        "micronaut.server.host",
                        "127.0.0.1",
                        "micronaut.http.services.emr.urls",
                        "http://127.0.0.1:9",
                        "payments.emr.api-key",
                        "webhook-test-key",
                        "endpoints.all.port",
                        com.patientpayments.bff.demo.LocalPorts.freePort(),
                        "payments.webhook.secrets",
                        SECRET + "," + OLD_SECRET,
                        "payments.queue.name",
                        "wh-" + UUID.randomUUID(),
                        "payments.queue.consumer-enabled",
                        false,
                        "payments.reconciliation.enabled",
                        false));
        queue = server.getApplicationContext().getBean(WebhookQueue.class);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void drain() {
        List<Message> batch;
        while (!(batch = queue.receive(queue.queueUrl(), 10, 0)).isEmpty()) {
            batch.forEach(queue::delete);
        }
    }

    private static String event(String id) {
        return "{\n  \"id\": \"" + id + "\",\n  \"object\": \"event\",\n  \"type\": \"payment_intent.succeeded\",\n"
                + "  \"data\": {\"object\": {\"id\": \"pi_x\", \"amount\": 1250}}\n}";
    }

    private static HttpResponse<String> post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/webhooks/stripe"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void validEventIsQueuedByteExact() throws Exception {
        String body = event("evt_valid_" + UUID.randomUUID());
        String signature = StripeSignatureVerifier.header(body, SECRET, now());
        HttpResponse<String> response = post(body, signature);
        assertThat(response.statusCode()).isEqualTo(200);
        List<Message> messages = queue.receive(queue.queueUrl(), 10, 5);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).body()).isEqualTo(body);
        assertThat(messages.get(0).messageAttributes()).containsKey(WebhookQueue.RECEIVED_AT);
        // The header travels with the body: the consumer verifies every message again (API Gateway's shape too).
        assertThat(messages.get(0)
                        .messageAttributes()
                        .get(WebhookQueue.SIGNATURE)
                        .stringValue())
                .isEqualTo(signature);
        queue.delete(messages.get(0));
    }

    @Test
    void rotatedSecretAndTwoV1ValuesWithOneValidAreAccepted() throws Exception {
        String body = event("evt_rot_" + UUID.randomUUID());
        long t = now();
        assertThat(post(body, StripeSignatureVerifier.header(body, OLD_SECRET, t))
                        .statusCode())
                .isEqualTo(200);
        String valid = StripeSignatureVerifier.hmac(SECRET, t + "." + body);
        assertThat(post(body, "t=" + t + ",v1=" + "a".repeat(64) + ",v1=" + valid)
                        .statusCode())
                .isEqualTo(200);
        assertThat(queue.depth()).isEqualTo(2);
    }

    @Test
    void invalidRequestsAreRejectedGenericallyAndNothingIsQueued() throws Exception {
        String body = event("evt_bad_" + UUID.randomUUID());
        long t = now();
        String valid = StripeSignatureVerifier.hmac(SECRET, t + "." + body);
        List<HttpResponse<String>> responses = List.of(
                post(body, null), // missing header
                post(body, StripeSignatureVerifier.header(body, "whsec_wrong", t)), // wrong secret
                post(body.replace("1250", "1"), StripeSignatureVerifier.header(body, SECRET, t)), // tampered body
                post(body, StripeSignatureVerifier.header(body, SECRET, t - 301)), // too old
                post(body, StripeSignatureVerifier.header(body, SECRET, t + 400)), // from the future
                post(body, "t=" + t + ",v0=" + valid), // v0 only
                post("not json", StripeSignatureVerifier.header("not json", SECRET, t))); // signed but malformed
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"invalid webhook request\"}");
        }
        assertThat(queue.depth()).isZero();
    }
}

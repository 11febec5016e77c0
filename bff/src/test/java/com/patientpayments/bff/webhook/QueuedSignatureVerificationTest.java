package com.patientpayments.bff.webhook;

import static com.patientpayments.bff.testsupport.ConnectorHouseholds.transactionCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrRequests.IntentRef;
import com.patientpayments.bff.emr.EmrRequests.NewAttempt;
import com.patientpayments.bff.payment.StripeSignatureVerifier;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.ConnectorApi;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The queue consumer verifies every message, whichever ingress wrote it, through the real consumer, the real queue
 * (ElasticMQ) and the real connector: messages shaped as API Gateway's SQS integration writes them ({@code
 * infra/lib/webhook-ingress.ts}: body, {@code Stripe-Signature}, {@code receivedAt}, {@code ingress} attributes) and
 * as the BFF's own endpoint enqueues them. Every forged, tampered, stale, future-dated or unsigned message targets a
 * real payment attempt, so a consumer that trusted the queue would post it: the test checks it is not posted and is
 * in the DLQ.
 */
class QueuedSignatureVerificationTest {

    private static final String SECRET = "whsec_queue_current_" + EmrConnectorProcess.randomHex(4);
    private static final String ROTATED = "whsec_queue_previous_" + EmrConnectorProcess.randomHex(4);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedServer server;
    private static EmrClient ledger;
    private static WebhookQueue queue;
    private static SqsClient sqs;
    private static MeterRegistry meters;
    private static String householdId;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> p = new HashMap<>(BffTestSupport.properties(QueuedSignatureVerificationTest.class));
        p.put("micronaut.server.host", "127.0.0.1");
        p.put("payments.webhook.secrets", SECRET + "," + ROTATED);
        p.put("payments.webhook.tolerance", "5m");
        p.put("payments.queue.name", "verify-" + UUID.randomUUID());
        p.put("payments.queue.wait-time", "1s");
        p.put("payments.queue.concurrency", "2");
        p.put("payments.reconciliation.enabled", "false");
        server = ApplicationContext.run(EmbeddedServer.class, p);
        ledger = server.getApplicationContext().getBean(EmrClient.class);
        queue = server.getApplicationContext().getBean(WebhookQueue.class);
        sqs = server.getApplicationContext().getBean(SqsClient.class);
        meters = server.getApplicationContext().getBean(MeterRegistry.class);
        householdId = ConnectorApi.householdId(BffTestSupport.OTHER_PRACTICE, "200100", "Nguyen-Smith");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A payment attempt with a provider intent, as startPayment leaves it: a succeeded event for it posts. */
    private static String attempt(long cents) {
        var attempt = ledger.createAttempt(
                        new NewAttempt(householdId, cents, UUID.randomUUID().toString()))
                .orElseThrow(o -> new IllegalStateException("attempt not created: " + o.label()));
        String intent = "pi_verify" + UUID.randomUUID().toString().replace("-", "");
        ledger.setIntent(attempt.id(), new IntentRef(intent))
                .orElseThrow(o -> new IllegalStateException("intent not attached: " + o.label()));
        return intent;
    }

    private static String succeeded(String intent, long cents) {
        long now = Instant.now().getEpochSecond();
        return "{\n  \"id\": \"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\n  \"object\": \"event\","
                + "\"api_version\":\"" + com.stripe.Stripe.API_VERSION + "\",\"created\":" + now
                + ",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"" + intent
                + "\",\"object\":\"payment_intent\",\"amount\":" + cents + ",\"amount_received\":" + cents
                + ",\"currency\":\"usd\",\"status\":\"succeeded\",\"created\":" + now + "}}}";
    }

    /** What API Gateway's mapping template writes: body, signature header, arrival time, ingress marker. */
    private static void sendGatewayShaped(String body, String signature, Instant arrivedAt) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        if (signature != null) {
            attributes.put(
                    "Stripe-Signature",
                    MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(signature)
                            .build());
        }
        if (arrivedAt != null) {
            attributes.put(
                    "receivedAt",
                    MessageAttributeValue.builder()
                            .dataType("Number")
                            .stringValue(Long.toString(arrivedAt.toEpochMilli()))
                            .build());
        }
        attributes.put(
                "ingress",
                MessageAttributeValue.builder()
                        .dataType("String")
                        .stringValue("api-gateway")
                        .build());
        sqs.sendMessage(b -> b.queueUrl(queue.queueUrl()).messageBody(body).messageAttributes(attributes));
    }

    private static int postToEndpoint(String body, String signature) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(server.getURL() + "/webhooks/stripe"))
                                .header("Content-Type", "application/json")
                                .header("Stripe-Signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static double unverified(String reason) {
        var counter =
                meters.find("payments.webhook.unverified").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Every body in the DLQ now (received with a short visibility, so they stay there for later reads). */
    private static List<String> deadLetterBodies() {
        List<String> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue.deadLetterQueueUrl())
                            .maxNumberOfMessages(10)
                            .visibilityTimeout(0)
                            .waitTimeSeconds(0))
                    .messages();
            batch.forEach(m -> bodies.add(m.body()));
        }
        return bodies;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void gatewayShapedMessagesSignedWithTheCurrentOrTheRotatedSecretArePosted() throws Exception {
        String current = attempt(1250);
        String body = succeeded(current, 1250);
        Instant now = Instant.now();
        sendGatewayShaped(body, StripeSignatureVerifier.header(body, SECRET, now.getEpochSecond()), now);
        String rotated = attempt(990);
        String rotatedBody = succeeded(rotated, 990);
        sendGatewayShaped(rotatedBody, StripeSignatureVerifier.header(rotatedBody, ROTATED, now.getEpochSecond()), now);
        await("both posted", () -> transactionCount(current) == 1 && transactionCount(rotated) == 1);
    }

    @Test
    void endpointShapedMessagesAreVerifiedAgainByTheConsumerAndPosted() throws Exception {
        String intent = attempt(4321);
        String body = succeeded(intent, 4321);
        assertThat(postToEndpoint(
                        body,
                        StripeSignatureVerifier.header(
                                body, SECRET, Instant.now().getEpochSecond())))
                .isEqualTo(200);
        await("posted", () -> transactionCount(intent) == 1);
    }

    @Test
    void theToleranceIsMeasuredFromArrivalSoAMessageThatWaitedOrIsReplayedStillVerifies() throws Exception {
        // Delivered 20 minutes ago (signed then, arrived then), e.g. retried for a while or replayed from the DLQ.
        String intent = attempt(777);
        String body = succeeded(intent, 777);
        Instant arrived = Instant.now().minus(Duration.ofMinutes(20));
        sendGatewayShaped(body, StripeSignatureVerifier.header(body, SECRET, arrived.getEpochSecond()), arrived);
        // No receivedAt attribute: SQS's own SentTimestamp is the arrival time.
        String untimed = attempt(778);
        String untimedBody = succeeded(untimed, 778);
        sendGatewayShaped(
                untimedBody,
                StripeSignatureVerifier.header(
                        untimedBody, SECRET, Instant.now().getEpochSecond()),
                null);
        await("both posted", () -> transactionCount(intent) == 1 && transactionCount(untimed) == 1);
    }

    @Test
    void unverifiableMessagesOfEitherShapeAreNotPostedAndGoToTheDeadLetterQueue() throws Exception {
        double invalidBefore = unverified("invalid_signature");
        double missingBefore = unverified("missing_signature");
        Instant now = Instant.now();
        long t = now.getEpochSecond();
        Map<String, String> forged = new java.util.LinkedHashMap<>(); // intent → body sent
        // 1. signed with a secret we do not hold
        String wrongSecret = attempt(100);
        forged.put(wrongSecret, succeeded(wrongSecret, 100));
        sendGatewayShaped(
                forged.get(wrongSecret),
                StripeSignatureVerifier.header(forged.get(wrongSecret), "whsec_attacker", t),
                now);
        // 2. a valid header of another body (tampered amount)
        String tampered = attempt(101);
        forged.put(tampered, succeeded(tampered, 101_00));
        sendGatewayShaped(
                forged.get(tampered), StripeSignatureVerifier.header(succeeded(tampered, 101), SECRET, t), now);
        // 3. signed longer ago than the tolerance before it arrived (a captured delivery posted again)
        String stale = attempt(102);
        forged.put(stale, succeeded(stale, 102));
        sendGatewayShaped(
                forged.get(stale),
                StripeSignatureVerifier.header(forged.get(stale), SECRET, t - TOLERANCE.toSeconds() - 60),
                now);
        // 4. signed further in the future than the tolerance
        String future = attempt(103);
        forged.put(future, succeeded(future, 103));
        sendGatewayShaped(
                forged.get(future),
                StripeSignatureVerifier.header(forged.get(future), SECRET, t + TOLERANCE.toSeconds() + 60),
                now);
        // 5. a v0-only header (Stripe's test scheme is not accepted)
        String v0 = attempt(104);
        forged.put(v0, succeeded(v0, 104));
        sendGatewayShaped(
                forged.get(v0),
                StripeSignatureVerifier.header(forged.get(v0), SECRET, t).replace("v1=", "v0="),
                now);
        // 6. the BFF endpoint's shape without the signature attribute (what an older BFF or a stray sender writes)
        String unsigned = attempt(105);
        forged.put(unsigned, succeeded(unsigned, 105));
        sqs.sendMessage(b -> b.queueUrl(queue.queueUrl())
                .messageBody(forged.get(unsigned))
                .messageAttributes(Map.of(
                        "receivedAt",
                        MessageAttributeValue.builder()
                                .dataType("Number")
                                .stringValue(Long.toString(now.toEpochMilli()))
                                .build())));
        // 7. gateway shape with an empty signature attribute value
        String blank = attempt(106);
        forged.put(blank, succeeded(blank, 106));
        sendGatewayShaped(forged.get(blank), " ", now);

        await(
                "all seven in the DLQ",
                () -> unverified("invalid_signature") - invalidBefore >= 5
                        && unverified("missing_signature") - missingBefore >= 2);
        assertThat(unverified("invalid_signature") - invalidBefore).isEqualTo(5);
        assertThat(unverified("missing_signature") - missingBefore).isEqualTo(2);
        List<String> dead = deadLetterBodies();
        assertThat(dead).containsAll(forged.values());
        // A control delivery sent after them is posted: the consumer kept working and would have posted them too.
        String control = attempt(107);
        String controlBody = succeeded(control, 107);
        sendGatewayShaped(controlBody, StripeSignatureVerifier.header(controlBody, SECRET, t), now);
        await("control posted", () -> transactionCount(control) == 1);
        for (String intent : forged.keySet()) {
            assertThat(transactionCount(intent))
                    .as("forged delivery for %s posted", intent)
                    .isZero();
        }
        assertThat(queue.depth()).isZero();
    }
}

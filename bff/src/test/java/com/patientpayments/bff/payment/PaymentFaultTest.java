package com.patientpayments.bff.payment;

import static com.patientpayments.bff.payment.PaymentTestKit.await;
import static com.patientpayments.bff.payment.PaymentTestKit.connectorGet;
import static com.patientpayments.bff.payment.PaymentTestKit.deliver;
import static com.patientpayments.bff.payment.PaymentTestKit.start;
import static com.patientpayments.bff.payment.PaymentTestKit.status;
import static com.patientpayments.bff.payment.PaymentTestKit.transactionCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.patientpayments.bff.demo.EmbeddedSqs;
import com.patientpayments.bff.demo.LocalPorts;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.receipt.ReceiptCache;
import com.patientpayments.bff.reconciliation.Reconciliation;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.webhook.StripeEventProcessor;
import com.patientpayments.bff.webhook.WebhookConsumer;
import com.patientpayments.bff.webhook.WebhookQueue;
import com.patientpayments.contract.Transaction;
import com.patientpayments.contract.TransactionStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Payments end to end in STRIPE mode: real stripe-java against a local fake Stripe API, real ElasticMQ, the real
 * connector and PostgreSQL. Delivery faults (duplicates, concurrency, reordering, connector outages, DLQ and replay,
 * a consumer dying between posting and deleting, Redis down), refunds, disputes, reconciliation and the
 * no-PHI-to-Stripe rule.
 */
class PaymentFaultTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeStripe stripe;
    private static EmbeddedSqs sqs;
    private static EmbeddedServer server;
    private static GraphQLTestClient patient;

    @BeforeAll
    static void startAll() throws Exception {
        stripe = new FakeStripe();
        sqs = EmbeddedSqs.start();
        server = ApplicationContext.run(
                EmbeddedServer.class,
                properties(
                        "main",
                        Map.of(
                                "payments.queue.max-receives", "1000",
                                "payments.queue.retry-backoff", "1s",
                                "payments.queue.visibility-timeout", "5s")));
        // Build the GraphQL schema and every feature bean now, not inside the first request's HTTP timeout.
        server.getApplicationContext().getBean(graphql.GraphQL.class);
        patient = PaymentTestKit.signedIn(server.getURL());
    }

    @AfterAll
    static void stopAll() {
        if (server != null) {
            server.close();
        }
        if (sqs != null) {
            sqs.stop();
        }
        if (stripe != null) {
            stripe.close();
        }
        EmrConnectorProcess.shared().start();
    }

    static Map<String, Object> properties(String queue, Map<String, String> overrides) {
        Map<String, Object> p = StripeTestServer.stripeModeProperties(PaymentFaultTest.class, stripe, sqs, queue);
        p.put("payments.reconciliation.connected-accounts", "acct_1DemoLakeside00");
        p.putAll(overrides);
        return p;
    }

    private static <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    private static String intentOf(String paymentId) {
        return stripe.intentOfAttempt(paymentId);
    }

    private static long balanceOf(String paymentId) {
        EmrClient emr = bean(EmrClient.class);
        String householdId = emr.attempt(paymentId).optional().orElseThrow().householdId();
        return emr.openCharges(householdId).optional().orElseThrow().balanceCents();
    }

    private static Transaction transaction(String intent) {
        return bean(EmrClient.class).transactionByReference(intent).optional().orElseThrow();
    }

    private static void awaitStatus(String paymentId, String expected) {
        await("payment " + expected, WAIT, () -> expected.equals(status(patient, paymentId)));
    }

    private static void awaitDrained(WebhookQueue queue) {
        await("queue drained", WAIT, () -> queue.depth() == 0);
    }

    @Test
    void sameSucceededEventTenTimesFiveConcurrentlyPostsOneTransaction() throws Exception {
        String paymentId = start(patient, 150);
        long before = balanceOf(paymentId);
        String intent = intentOf(paymentId);
        stripe.succeed(intent);
        String event = stripe.intentEvent("payment_intent.succeeded", intent, stripe.intent(intent));
        for (int i = 0; i < 5; i++) {
            assertThat(deliver(server.getURL(), event)).isEqualTo(200);
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<CompletableFuture<Integer>> concurrent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            concurrent.add(CompletableFuture.supplyAsync(() -> deliver(server.getURL(), event), pool));
        }
        for (CompletableFuture<Integer> f : concurrent) {
            assertThat(f.get()).isEqualTo(200);
        }
        pool.shutdown();
        awaitStatus(paymentId, "SUCCEEDED");
        awaitDrained(bean(WebhookQueue.class));
        assertThat(transactionCount(intent)).isEqualTo(1);
        assertThat(balanceOf(paymentId)).isEqualTo(before - 150);
        JsonNode payment = PaymentTestKit.payment(patient, paymentId);
        assertThat(payment.path("txId").asText()).isNotBlank();
        // The receipt payload is cached for the receipt page (Redis is up here).
        await(
                "receipt payload cached",
                WAIT,
                () -> bean(ReceiptCache.class)
                        .get(payment.path("txId").asText())
                        .isPresent());
    }

    @Test
    void aLateFailureNeverUndoesASuccessAndASuccessAfterAFailureWins() {
        // success, then a (stale) failure
        String first = start(patient, 120);
        String firstIntent = intentOf(first);
        stripe.fail(firstIntent, "card_declined");
        JsonObject failedState = stripe.intent(firstIntent);
        stripe.succeed(firstIntent);
        deliver(
                server.getURL(),
                stripe.intentEvent("payment_intent.succeeded", firstIntent, stripe.intent(firstIntent)));
        awaitStatus(first, "SUCCEEDED");
        deliver(server.getURL(), stripe.intentEvent("payment_intent.payment_failed", firstIntent, failedState));
        awaitDrained(bean(WebhookQueue.class));
        assertThat(status(patient, first)).isEqualTo("SUCCEEDED");
        assertThat(transactionCount(firstIntent)).isEqualTo(1);

        // failure first (the card was declined, the patient retried and it went through)
        String second = start(patient, 130);
        String secondIntent = intentOf(second);
        stripe.fail(secondIntent, "insufficient_funds");
        deliver(
                server.getURL(),
                stripe.intentEvent("payment_intent.payment_failed", secondIntent, stripe.intent(secondIntent)));
        awaitStatus(second, "FAILED");
        assertThat(PaymentTestKit.payment(patient, second).path("failureCode").asText())
                .isEqualTo("insufficient_funds");
        stripe.succeed(secondIntent);
        deliver(
                server.getURL(),
                stripe.intentEvent("payment_intent.succeeded", secondIntent, stripe.intent(secondIntent)));
        awaitStatus(second, "SUCCEEDED");
        assertThat(transactionCount(secondIntent)).isEqualTo(1);
    }

    @Test
    void connectorDownWhileEventsArriveIsRetriedThenPostedOnce() {
        String paymentId = start(patient, 140);
        String intent = intentOf(paymentId);
        stripe.succeed(intent);
        MeterRegistry meters = bean(MeterRegistry.class);
        double unreachableBefore = unreachable(meters);
        EmrConnectorProcess.shared().stop();
        try {
            assertThat(deliver(
                            server.getURL(),
                            stripe.intentEvent("payment_intent.succeeded", intent, stripe.intent(intent))))
                    .isEqualTo(200);
            await(
                    "a failed attempt while the connector is down",
                    WAIT,
                    () -> unreachable(meters) >= unreachableBefore + 2);
        } finally {
            EmrConnectorProcess.shared().start();
        }
        awaitStatus(paymentId, "SUCCEEDED");
        assertThat(transactionCount(intent)).isEqualTo(1);
    }

    private static double unreachable(MeterRegistry meters) {
        var counter = meters.find("payments.webhook.processed")
                .tag("outcome", "retry")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void refundsAndDisputesEachReverseExactlyOnce() {
        String paymentId = start(patient, 300);
        String intent = intentOf(paymentId);
        stripe.succeed(intent);
        deliver(server.getURL(), stripe.intentEvent("payment_intent.succeeded", intent, stripe.intent(intent)));
        awaitStatus(paymentId, "SUCCEEDED");
        long paidBalance = balanceOf(paymentId);

        String partial =
                stripe.refundEvent(intent, "re_" + UUID.randomUUID().toString().replace("-", ""), 100);
        for (int i = 0; i < 3; i++) {
            deliver(server.getURL(), partial);
        }
        await("partial refund", WAIT, () -> transaction(intent).refundedCents() == 100);
        String rest =
                stripe.refundEvent(intent, "re_" + UUID.randomUUID().toString().replace("-", ""), 200);
        deliver(server.getURL(), rest);
        deliver(server.getURL(), partial);
        deliver(server.getURL(), rest);
        await("full refund", WAIT, () -> transaction(intent).status() == TransactionStatus.REFUNDED);
        awaitDrained(bean(WebhookQueue.class));
        assertThat(transaction(intent).refundedCents()).isEqualTo(300);
        assertThat(balanceOf(paymentId)).isEqualTo(paidBalance + 300);

        String disputed = start(patient, 200);
        String disputedIntent = intentOf(disputed);
        stripe.succeed(disputedIntent);
        deliver(
                server.getURL(),
                stripe.intentEvent("payment_intent.succeeded", disputedIntent, stripe.intent(disputedIntent)));
        awaitStatus(disputed, "SUCCEEDED");
        long beforeDispute = balanceOf(disputed);
        String disputeId = "dp_" + UUID.randomUUID().toString().replace("-", "");
        String closedLost = stripe.disputeEvent("charge.dispute.closed", disputedIntent, disputeId, 200, "lost");
        String opened = stripe.disputeEvent("charge.dispute.created", disputedIntent, disputeId, 200, "needs_response");
        deliver(server.getURL(), closedLost); // out of order: held until the dispute is open
        deliver(server.getURL(), opened);
        deliver(server.getURL(), opened);
        await("dispute lost", WAIT, () -> transaction(disputedIntent).status() == TransactionStatus.DISPUTE_LOST);
        deliver(server.getURL(), closedLost);
        awaitDrained(bean(WebhookQueue.class));
        assertThat(balanceOf(disputed)).isEqualTo(beforeDispute + 200);
    }

    @Test
    void aLostWebhookIsRepairedByReconciliationOnce() {
        String paymentId = start(patient, 110);
        String intent = intentOf(paymentId);
        stripe.succeed(intent); // paid at Stripe; the webhook never arrives
        Reconciliation reconciliation = bean(Reconciliation.class);
        Instant now = Instant.now();
        MeterRegistry meters = bean(MeterRegistry.class);
        var report = reconciliation.run(now.minus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(1)));
        assertThat(report.repairedTransactionIds()).hasSize(1);
        assertThat(status(patient, paymentId)).isEqualTo("SUCCEEDED");
        assertThat(meters.find("payments.reconciliation.repaired").counter().count())
                .isGreaterThanOrEqualTo(1);
        var again = reconciliation.run(now.minus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(1)));
        assertThat(again.repairedTransactionIds()).isEmpty();
        assertThat(transactionCount(intent)).isEqualTo(1);
    }

    @Test
    void deadLetterReplayAndAConsumerKilledBeforeDeletingStillPostOnceEvenWithRedisDown() {
        // A second BFF with a short fuse: 2 receives to the DLQ, no backoff, and Redis unreachable.
        int closedPort = LocalPorts.freePort();
        try (EmbeddedServer fragile = ApplicationContext.run(
                EmbeddedServer.class,
                properties(
                        "fragile",
                        Map.of(
                                "payments.queue.max-receives", "2",
                                "payments.queue.retry-backoff", "0s",
                                "payments.queue.visibility-timeout", "2s",
                                "payments.queue.consumer-enabled", "false",
                                "payments.redis.uri", "redis://127.0.0.1:" + closedPort)))) {
            WebhookQueue queue = fragile.getApplicationContext().getBean(WebhookQueue.class);
            WebhookConsumer consumer = fragile.getApplicationContext().getBean(WebhookConsumer.class);

            // 1. Consumer dies after posting, before deleting: the message comes back and still posts once.
            String killed = start(patient, 105);
            String killedIntent = intentOf(killed);
            stripe.succeed(killedIntent);
            deliver(
                    fragile.getURL(),
                    stripe.intentEvent("payment_intent.succeeded", killedIntent, stripe.intent(killedIntent)));
            List<Message> taken = queue.receive(1);
            assertThat(taken).hasSize(1);
            fragile.getApplicationContext()
                    .getBean(StripeEventProcessor.class)
                    .process(taken.get(0).body(), null);
            assertThat(transactionCount(killedIntent)).isEqualTo(1); // posted, message not deleted: "killed"
            consumer.start();
            awaitDrained(queue);
            assertThat(transactionCount(killedIntent)).isEqualTo(1);
            assertThat(status(patient, killed)).isEqualTo("SUCCEEDED");

            // 2. Connector down longer than the receives allow: the event lands in the DLQ; replay posts it once.
            String late = start(patient, 115);
            String lateIntent = intentOf(late);
            stripe.succeed(lateIntent);
            EmrConnectorProcess.shared().stop();
            try {
                deliver(
                        fragile.getURL(),
                        stripe.intentEvent("payment_intent.succeeded", lateIntent, stripe.intent(lateIntent)));
                await("event dead-lettered", WAIT, () -> queue.deadLetterDepth() == 1);
            } finally {
                EmrConnectorProcess.shared().start();
            }
            assertThat(transactionCount(lateIntent)).isZero();
            MeterRegistry meters = fragile.getApplicationContext().getBean(MeterRegistry.class);
            assertThat(meters.find("payments.webhook.dlq.depth").gauge().value())
                    .isEqualTo(1.0);
            assertThat(queue.replayDeadLetters()).isEqualTo(1);
            await("replayed event posted", WAIT, () -> transactionCount(lateIntent) == 1);
            awaitDrained(queue);
            assertThat(queue.deadLetterDepth()).isZero();
            assertThat(transactionCount(lateIntent)).isEqualTo(1);
            assertThat(status(patient, late)).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void startPaymentChecksTheLiveBalanceAndADoubleSubmitMakesOneIntent() {
        String key = UUID.randomUUID().toString();
        int intentsBefore = stripe.intentCount();
        var first = PaymentTestKit.startPayment(patient, 175, key);
        var second = PaymentTestKit.startPayment(patient, 175, key);
        JsonNode session = first.data().path("startPayment");
        assertThat(session.path("provider").asText()).isEqualTo("STRIPE");
        assertThat(session.path("amount").path("cents").asLong()).isEqualTo(175);
        assertThat(session.path("stripeAccount").asText()).isEqualTo("acct_1DemoLakeside00");
        assertThat(second.data().path("startPayment").path("paymentId").asText())
                .isEqualTo(session.path("paymentId").asText());
        assertThat(second.data().path("startPayment").path("clientSecret").asText())
                .isEqualTo(session.path("clientSecret").asText());
        assertThat(stripe.intentCount()).isEqualTo(intentsBefore + 1);
        String intent = intentOf(session.path("paymentId").asText());
        assertThat(stripe.accountOf(intent)).isEqualTo("acct_1DemoLakeside00");
        assertThat(status(patient, session.path("paymentId").asText())).isEqualTo("PROCESSING");

        long balance = balanceOf(session.path("paymentId").asText());
        assertThat(PaymentTestKit.startPayment(patient, 0, UUID.randomUUID().toString())
                        .errorCode())
                .isEqualTo("BAD_USER_INPUT");
        assertThat(PaymentTestKit.startPayment(patient, -5, UUID.randomUUID().toString())
                        .errorCode())
                .isEqualTo("BAD_USER_INPUT");
        assertThat(PaymentTestKit.startPayment(patient, 49, UUID.randomUUID().toString())
                        .errorCode())
                .isEqualTo("AMOUNT_TOO_LOW");
        assertThat(PaymentTestKit.startPayment(
                                patient, balance + 1, UUID.randomUUID().toString())
                        .errorCode())
                .isEqualTo("AMOUNT_EXCEEDS_BALANCE");
        assertThat(PaymentTestKit.startPayment(patient, 176, key).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(new GraphQLTestClient(server.getURL())
                        .execute("mutation { startPayment(amountCents: 100) { paymentId } }")
                        .errorCode())
                .isEqualTo("UNAUTHENTICATED");
        // The simulator's confirm step does not exist with the real provider.
        assertThat(patient.execute(
                                "mutation { confirmSimulatedPayment(paymentId: \"x\", cardNumber: \"4242\") { id } }")
                        .hasErrors())
                .isTrue();
    }

    @Test
    void anotherHouseholdsPaymentIsNotFound() {
        String paymentId = start(patient, 100);
        GraphQLTestClient other = new GraphQLTestClient(server.getURL());
        other.execute(
                "mutation($h: ID!, $a: String!, $l: String!) { signIn(practiceHash: $h, accountNumber: $a, "
                        + "lastName: $l) { ok } }",
                "h",
                BffTestSupport.PRACTICE,
                "a",
                BffTestSupport.ACCOUNT,
                "l",
                BffTestSupport.LAST_NAME);
        assertThat(other.execute("query($id: ID!) { payment(id: $id) { status } }", "id", paymentId)
                        .errorCode())
                .isEqualTo("NOT_FOUND");
        assertThat(patient.execute(
                                "query($id: ID!) { payment(id: $id) { status } }",
                                "id",
                                UUID.randomUUID().toString())
                        .errorCode())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void nothingSentToStripeCarriesPhi() throws Exception {
        start(patient, 101); // at least one create request, whatever ran before
        // every other kind of call the BFF makes to Stripe: refund create and list, charge retrieve, and the
        // janitor's intent retrieve (the webhook path and payment(id) re-read the same way)
        String paid = start(patient, 103);
        String paidIntent = intentOf(paid);
        stripe.succeed(paidIntent);
        String account = stripe.accountOf(paidIntent);
        String chargeId = stripe.intent(paidIntent)
                .getAsJsonObject("latest_charge")
                .get("id")
                .getAsString();
        PaymentProvider provider = bean(PaymentProvider.class);
        provider.refund(paidIntent, 50, "privacy-" + UUID.randomUUID(), "requested_by_customer", account);
        assertThat(provider.refundsOfCharge(chargeId, account)).hasSize(1);
        assertThat(provider.intentOfCharge(chargeId, account)).contains(paidIntent);
        bean(AttemptJanitor.class).run(Instant.now().plus(Duration.ofMinutes(11)));
        assertThat(stripe.requests())
                .extracting(r -> r.method() + " " + r.path().replaceAll("/(pi|ch)_\\w+$", "/{id}"))
                .contains(
                        "POST /v1/payment_intents",
                        "GET /v1/payment_intents/{id}",
                        "POST /v1/refunds",
                        "GET /v1/refunds",
                        "GET /v1/charges/{id}");
        String householdId = JSON.readTree(connectorGet("/api/v1/payment-attempts/" + start(patient, 102)))
                .path("householdId")
                .asText();
        JsonNode household = JSON.readTree(connectorGet("/api/v1/households/" + householdId));
        JsonNode charges = JSON.readTree(connectorGet("/api/v1/households/" + householdId + "/charges"));
        List<String> phi = new ArrayList<>();
        phi.add(household.path("accountNumber").asText());
        phi.add(household.path("guarantorName").asText());
        household.path("patients").forEach(p -> {
            phi.add(p.path("firstName").asText());
            phi.add(p.path("lastName").asText());
        });
        charges.path("charges").forEach(c -> {
            phi.add(c.path("procedureCode").asText());
            phi.add(c.path("procedureName").asText());
            phi.add(c.path("serviceDate").asText());
            phi.add(c.path("providerName").asText());
        });
        phi.removeIf(String::isBlank);
        assertThat(phi).contains(PaymentTestKit.ACCOUNT);
        String sent = stripe.everythingSent();
        assertThat(stripe.requests()).isNotEmpty();
        for (String value : phi) {
            assertThat(sent).as("Stripe requests must not contain PHI").doesNotContainIgnoringCase(value);
        }
        stripe.requests().stream().filter(r -> r.method().equals("POST")).forEach(r -> {
            var form = FakeStripe.form(r.body());
            if (r.path().equals("/v1/refunds")) {
                assertThat(form.keySet()).isSubsetOf("payment_intent", "amount", "reason");
                assertThat(r.headers().entrySet().stream()
                                .filter(h -> h.getKey().equalsIgnoreCase("Idempotency-Key"))
                                .map(h -> h.getValue().get(0))
                                .findFirst())
                        .hasValueSatisfying(k -> assertThat(k).matches("refund-[A-Za-z0-9-]+"));
                return;
            }
            assertThat(form.get("description")).isEqualTo(StripePaymentProvider.DESCRIPTION);
            assertThat(form.keySet()).allMatch(k -> !k.startsWith("metadata[") || k.equals("metadata[attempt_id]"));
            assertThat(form).doesNotContainKeys("statement_descriptor", "statement_descriptor_suffix", "receipt_email");
        });
    }
}

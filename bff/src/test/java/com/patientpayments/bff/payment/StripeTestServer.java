package com.patientpayments.bff.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.demo.EmbeddedSqs;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.ConnectorHouseholds;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.webhook.WebhookQueue;
import com.patientpayments.contract.Transaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A BFF in STRIPE mode for webhook-path tests: real stripe-java against {@link FakeStripe}, its own queue on a real
 * ElasticMQ, the shared real connector; helpers to sign in to a fresh household, pay, deliver signed events and wait
 * until the consumer has settled them.
 */
final class StripeTestServer implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    final FakeStripe stripe;
    final EmbeddedSqs sqs;
    final EmbeddedServer server;

    private StripeTestServer(FakeStripe stripe, EmbeddedSqs sqs, EmbeddedServer server) {
        this.stripe = stripe;
        this.sqs = sqs;
        this.server = server;
    }

    static StripeTestServer start(Class<?> testClass, Map<String, String> overrides) throws Exception {
        FakeStripe stripe = new FakeStripe();
        EmbeddedSqs sqs = EmbeddedSqs.start();
        Map<String, Object> p = stripeModeProperties(testClass, stripe, sqs, testClass.getSimpleName());
        p.put("payments.queue.max-receives", "1000");
        p.put("payments.queue.retry-backoff", "1s");
        p.put("payments.queue.visibility-timeout", "5s");
        p.put("payments.janitor.interval", "1h");
        p.putAll(overrides);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p);
        server.getApplicationContext().getBean(graphql.GraphQL.class);
        return new StripeTestServer(stripe, sqs, server);
    }

    /**
     * A BFF in STRIPE mode for {@code testClass} ({@link BffTestSupport#properties}): stripe-java against
     * {@code stripe}, webhooks signed with {@link PaymentTestKit#SECRET} and queued on {@code sqs} in a new queue
     * named {@code queuePrefix-<uuid>}, plain-http cookies, no email and no reconciliation runs. A mutable map: callers
     * add their own keys.
     */
    static Map<String, Object> stripeModeProperties(
            Class<?> testClass, FakeStripe stripe, EmbeddedSqs sqs, String queuePrefix) {
        Map<String, Object> p = new HashMap<>(BffTestSupport.properties(testClass));
        p.put("micronaut.server.port", -1);
        p.put("micronaut.server.host", "127.0.0.1");
        p.put("payments.session.cookie-secure", "false");
        p.put("payments.stripe.secret-key", "sk_test_fake");
        p.put("payments.stripe.api-base", stripe.url());
        p.put("payments.webhook.secrets", PaymentTestKit.SECRET);
        // A real provider key refuses the public demo admin key (web.DemoSecretsGuard).
        p.put("payments.receipt.admin-jwt-secret", "fault-test-admin-key-0123456789abcdef-0123456789");
        p.put("payments.email.ses-endpoint", "http://127.0.0.1:9"); // no email in these tests; never the stand-in
        p.put("payments.queue.endpoint", sqs.endpoint().toString());
        p.put("payments.queue.name", queuePrefix + "-" + UUID.randomUUID());
        p.put("payments.queue.wait-time", "1s");
        p.put("aws.access-key-id", "local");
        p.put("aws.secret-key", "local");
        p.put("payments.reconciliation.enabled", "false");
        return p;
    }

    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    /** Signs in to the household (a fixture's or the demo's). */
    GraphQLTestClient signIn(String practiceHash, String account, String lastName) {
        return BffTestSupport.signedIn(server.getURL(), practiceHash, account, lastName);
    }

    GraphQLTestClient signIn(ConnectorHouseholds.Household h) {
        return signIn(h.practiceHash(), h.accountNumber(), h.lastName());
    }

    /** A started payment whose intent succeeded at Stripe; no webhook sent yet. */
    record Started(String paymentId, String intent) {}

    Started startAndSucceed(GraphQLTestClient client, long cents) {
        String paymentId = PaymentTestKit.start(client, cents);
        String intent = stripe.intentOfAttempt(paymentId);
        stripe.succeed(intent);
        return new Started(paymentId, intent);
    }

    /** Started, succeeded at Stripe and posted through the webhook path. */
    Started pay(GraphQLTestClient client, long cents) {
        Started s = startAndSucceed(client, cents);
        deliver(stripe.intentEvent("payment_intent.succeeded", s.intent(), stripe.intent(s.intent())));
        PaymentTestKit.await(
                "payment posted", WAIT, () -> transaction(s.intent()).isPresent());
        return s;
    }

    int deliver(String event) {
        return PaymentTestKit.deliver(server.getURL(), event);
    }

    /** Delivers and waits until the consumer settled everything on the queue (deleted or dead-lettered). */
    void deliverAndSettle(String event) {
        if (deliver(event) != 200) {
            throw new IllegalStateException("webhook refused");
        }
        awaitSettled();
    }

    void awaitSettled() {
        WebhookQueue queue = bean(WebhookQueue.class);
        PaymentTestKit.await("queue settled", WAIT, () -> queue.depth() == 0);
    }

    long deadLetters() {
        return bean(WebhookQueue.class).deadLetterDepth();
    }

    Optional<Transaction> transaction(String intent) {
        return bean(EmrClient.class).transactionByReference(intent).optional();
    }

    Transaction tx(String intent) {
        return transaction(intent).orElseThrow(() -> new AssertionError("no transaction for " + intent));
    }

    /** The sum of every counter of that name carrying those tags (whatever its other tags). */
    double counter(String name, String... tags) {
        return bean(MeterRegistry.class).find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    static JsonNode household(GraphQLTestClient client) {
        return client.execute("{ household { balance { cents } credit { cents } charges { id status disputed "
                        + "balance { cents } } } }")
                .data()
                .path("household");
    }

    @Override
    public void close() {
        server.close();
        sqs.stop();
        stripe.close();
    }
}

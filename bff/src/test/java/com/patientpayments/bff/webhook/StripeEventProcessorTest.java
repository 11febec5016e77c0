package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.patientpayments.bff.demo.EmbeddedSqs;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrRequests.IntentRef;
import com.patientpayments.bff.emr.EmrRequests.NewAttempt;
import com.patientpayments.bff.payment.FakeStripe;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.ConnectorHouseholds;
import com.patientpayments.contract.AttemptStatus;
import com.patientpayments.contract.PaymentAttempt;
import com.patientpayments.contract.Transaction;
import com.patientpayments.contract.TransactionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each Stripe event comes to in the ledger, through the real processor, the real connector and real stripe-java
 * against {@link FakeStripe} (STRIPE mode): malformed and irrelevant events, each intent outcome including the repairs
 * and refusals of ownership, and the refund and dispute events that carry nothing to report or cannot be placed yet.
 * The consumer is off: each event is handed to the processor as the consumer would after verifying it, and the test
 * reads the outcome the consumer would act on, the ledger and the counters.
 */
class StripeEventProcessorTest {

    private static FakeStripe stripe;
    private static EmbeddedSqs sqs;
    private static ApplicationContext context;
    private static StripeEventProcessor processor;
    private static EmrClient ledger;
    private static MeterRegistry meters;

    @BeforeAll
    static void start() throws Exception {
        stripe = new FakeStripe();
        sqs = EmbeddedSqs.start();
        context = ApplicationContext.run(properties(BffTestSupport.properties(StripeEventProcessorTest.class)));
        processor = context.getBean(StripeEventProcessor.class);
        ledger = context.getBean(EmrClient.class);
        meters = context.getBean(MeterRegistry.class);
    }

    static Map<String, Object> properties(Map<String, String> base) {
        Map<String, Object> p = new HashMap<>(base);
        p.put("payments.stripe.secret-key", "sk_test_fake");
        p.put("payments.stripe.api-base", stripe.url());
        p.put("payments.receipt.admin-jwt-secret", "webhook-test-admin-key-0123456789abcdef-0123456789");
        p.put("payments.email.ses-endpoint", "http://127.0.0.1:9");
        p.put("payments.queue.endpoint", sqs.endpoint().toString());
        p.put("payments.queue.name", "processor-" + UUID.randomUUID());
        p.put("payments.queue.consumer-enabled", "false");
        p.put("aws.access-key-id", "local");
        p.put("aws.secret-key", "local");
        p.put("payments.reconciliation.enabled", "false");
        p.put("payments.janitor.interval", "1h");
        return p;
    }

    @AfterEach
    void providerBack() {
        stripe.setUnavailable(false);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (sqs != null) {
            sqs.stop();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    /** A fresh household with one open charge, an attempt for {@code cents} and its intent at the provider. */
    private record Paying(String householdId, String attemptId, String intent) {}

    private static Paying paying(long cents, boolean attached) {
        var h = ConnectorHouseholds.create(new ConnectorHouseholds.Charge(LocalDate.of(2026, 3, 2), 9000));
        PaymentAttempt attempt = ledger.createAttempt(new NewAttempt(
                        h.id().toString(), cents, UUID.randomUUID().toString()))
                .orElseThrow(o -> new IllegalStateException("attempt not created: " + o.label()));
        String intent = stripe.createIntent(cents, attempt.id());
        if (attached) {
            ledger.setIntent(attempt.id(), new IntentRef(intent))
                    .orElseThrow(o -> new IllegalStateException("intent not attached: " + o.label()));
        }
        return new Paying(h.id().toString(), attempt.id(), intent);
    }

    private static Paying posted(long cents) {
        Paying p = paying(cents, true);
        stripe.succeed(p.intent());
        assertThat(process(stripe.intentEvent("payment_intent.succeeded", p.intent(), stripe.intent(p.intent()))))
                .isEqualTo(ProcessingOutcome.DONE);
        return p;
    }

    private static ProcessingOutcome process(String event) {
        return processor.process(event, Instant.now());
    }

    private static double processed(String type, String outcome) {
        Counter c = meters.find("payments.webhook.processed")
                .tag("type", type)
                .tag("outcome", outcome)
                .counter();
        return c == null ? 0 : c.count();
    }

    private static double failures(String reason) {
        Counter c = meters.find("pp.failures")
                .tag("operation", "webhook")
                .tag("reason", reason)
                .counter();
        return c == null ? 0 : c.count();
    }

    private static Transaction tx(String intent) {
        return ledger.transactionByReference(intent)
                .optional()
                .orElseThrow(() -> new AssertionError("no transaction for " + intent));
    }

    private static PaymentAttempt attempt(String attemptId) {
        return ledger.attempt(attemptId).optional().orElseThrow();
    }

    private static String event(String type, JsonObject object) {
        JsonObject e = new JsonObject();
        e.addProperty("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        e.addProperty("object", "event");
        e.addProperty("api_version", com.stripe.Stripe.API_VERSION);
        e.addProperty("created", Instant.now().getEpochSecond());
        e.addProperty("type", type);
        JsonObject data = new JsonObject();
        data.add("object", object);
        e.add("data", data);
        return e.toString();
    }

    private static JsonObject json(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    // ---- malformed and irrelevant events ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json at all",
                "[1, 2, 3]",
                "\"a string\"",
                "{\"id\": {\"nested\": true}}",
                "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":[1,2]}}"
            })
    void aBodyThatIsNotAStripeEventIsDroppedAndCountedAsUnparseable(String body) {
        double before = processed("unparseable", "ignored");
        assertThat(process(body)).isEqualTo(ProcessingOutcome.IGNORED);
        assertThat(processed("unparseable", "ignored")).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @CsvSource({
        "customer.created,customer",
        "payment_intent.created,payment_intent",
        "charge.succeeded,charge",
        "invoice.paid,invoice"
    })
    void anEventTypeThatMeansNothingToTheLedgerIsAcknowledgedAsOther(String type, String objectType) {
        Paying p = paying(1500, true);
        stripe.succeed(p.intent());
        // Even an irrelevant type about one of our succeeded intents posts nothing: only the handled types do.
        JsonObject object = "payment_intent".equals(objectType)
                ? stripe.intent(p.intent())
                : json("{\"id\":\"x_" + UUID.randomUUID() + "\",\"object\":\"" + objectType + "\"}");
        double before = processed("other", "ignored");
        assertThat(process(event(type, object))).isEqualTo(ProcessingOutcome.IGNORED);
        assertThat(processed("other", "ignored")).isEqualTo(before + 1);
        assertThat(ledger.transactionByReference(p.intent()).isNotFound()).isTrue();
    }

    @Test
    void anEventWithoutATypeIsAcknowledgedAsOther() {
        double before = processed("other", "ignored");
        assertThat(process("{\"id\":\"evt_no_type\",\"object\":\"event\",\"created\":1700000000}"))
                .isEqualTo(ProcessingOutcome.IGNORED);
        assertThat(processed("other", "ignored")).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":\"cus_1\",\"object\":\"customer\"}",
                "{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"amount\":\"lots\"}"
            })
    void aHandledEventWhoseObjectCannotBeReadAsItsTypesObjectIsRetriedNotApplied(String object) {
        // A signed event whose object is not the type's object: nothing is posted and it is not acknowledged as if it
        // meant nothing; the message comes back (and reaches the DLQ after max-receives).
        double before = processed("payment_intent.succeeded", "retry");
        assertThat(process(event("payment_intent.succeeded", json(object)))).isEqualTo(ProcessingOutcome.RETRY);
        assertThat(processed("payment_intent.succeeded", "retry")).isEqualTo(before + 1);
    }

    @Test
    void anEventOfAnotherApiVersionIsReadLenientlyAndPosts() {
        Paying p = paying(2100, true);
        stripe.succeed(p.intent());
        JsonObject e = json(stripe.intentEvent("payment_intent.succeeded", p.intent(), stripe.intent(p.intent())));
        e.addProperty("api_version", "2020-08-27");
        assertThat(process(e.toString())).isEqualTo(ProcessingOutcome.DONE);
        assertThat(tx(p.intent()).amountCents()).isEqualTo(2100);
    }

    // ---- intent events ----

    @Test
    void aSucceededEventPostsThePaymentOnceHoweverOftenItArrives() {
        Paying p = paying(2500, true);
        stripe.succeed(p.intent());
        String event = stripe.intentEvent("payment_intent.succeeded", p.intent(), stripe.intent(p.intent()));
        assertThat(process(event)).isEqualTo(ProcessingOutcome.DONE);
        assertThat(process(event)).isEqualTo(ProcessingOutcome.DONE);
        Transaction tx = tx(p.intent());
        assertThat(tx.amountCents()).isEqualTo(2500);
        assertThat(tx.methodLast4()).isEqualTo("4242");
        assertThat(attempt(p.attemptId()).status()).isEqualTo(AttemptStatus.SUCCEEDED);
    }

    @Test
    void aDeclineIsRecordedOnTheAttemptWithItsDeclineCode() {
        Paying p = paying(2600, true);
        stripe.fail(p.intent(), "insufficient_funds");
        assertThat(process(stripe.intentEvent("payment_intent.payment_failed", p.intent(), stripe.intent(p.intent()))))
                .isEqualTo(ProcessingOutcome.DONE);
        PaymentAttempt a = attempt(p.attemptId());
        assertThat(a.status()).isEqualTo(AttemptStatus.FAILED);
        assertThat(a.failureCode()).isEqualTo("insufficient_funds");
        assertThat(ledger.transactionByReference(p.intent()).isNotFound()).isTrue();
    }

    @Test
    void aFailureEventForAnIntentThatSucceededSinceRecordsTheSuccess() {
        Paying p = paying(2700, true);
        stripe.fail(p.intent(), "card_declined");
        String staleFailure =
                stripe.intentEvent("payment_intent.payment_failed", p.intent(), stripe.intent(p.intent()));
        stripe.succeed(p.intent()); // the patient retried with another card before the failure event was processed
        assertThat(process(staleFailure)).isEqualTo(ProcessingOutcome.DONE);
        assertThat(tx(p.intent()).amountCents()).isEqualTo(2700);
        assertThat(attempt(p.attemptId()).status()).isEqualTo(AttemptStatus.SUCCEEDED);
    }

    @Test
    void aFailureEventWhileTheRetryIsStillOpenWaitsForTheRetrysOwnEvent() {
        Paying p = paying(2800, true);
        // The events' copies say declined / canceled; the provider's record says the intent awaits a payment method
        // without an error: the patient is entering another card, whose own event follows.
        JsonObject declined = stripe.intent(p.intent());
        declined.add(
                "last_payment_error",
                json("{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"card_declined\"}"));
        JsonObject canceled = stripe.intent(p.intent());
        canceled.addProperty("status", "canceled");
        double failedBefore = processed("payment_intent.payment_failed", "ignored");
        double canceledBefore = processed("payment_intent.canceled", "ignored");
        assertThat(process(event("payment_intent.payment_failed", declined))).isEqualTo(ProcessingOutcome.IGNORED);
        assertThat(process(event("payment_intent.canceled", canceled))).isEqualTo(ProcessingOutcome.IGNORED);
        assertThat(processed("payment_intent.payment_failed", "ignored")).isEqualTo(failedBefore + 1);
        assertThat(processed("payment_intent.canceled", "ignored")).isEqualTo(canceledBefore + 1);
        assertThat(attempt(p.attemptId()).status()).isNotEqualTo(AttemptStatus.FAILED);
    }

    @Test
    void aCanceledEventWhileTheProviderIsUnreachableIsRecordedFromTheSignedEvent() {
        Paying p = paying(2900, true);
        JsonObject canceled = stripe.intent(p.intent());
        canceled.addProperty("status", "canceled");
        stripe.setUnavailable(true);
        assertThat(process(event("payment_intent.canceled", canceled))).isEqualTo(ProcessingOutcome.DONE);
        PaymentAttempt a = attempt(p.attemptId());
        assertThat(a.status()).isEqualTo(AttemptStatus.FAILED);
        assertThat(a.failureCode()).isEqualTo("canceled");
    }

    @Test
    void anIntentWhoseStartFailedBeforeAttachingIsAttachedFromItsWebhookAndPosted() {
        Paying p = paying(3100, false); // the attempt exists, its intent was never attached
        stripe.succeed(p.intent());
        assertThat(process(stripe.intentEvent("payment_intent.succeeded", p.intent(), stripe.intent(p.intent()))))
                .isEqualTo(ProcessingOutcome.DONE);
        assertThat(attempt(p.attemptId()).providerIntentId()).isEqualTo(p.intent());
        assertThat(tx(p.intent()).amountCents()).isEqualTo(3100);
    }

    @Test
    void aDeclineOfAnIntentNotAttachedYetIsAttachedAndRecorded() {
        Paying p = paying(3150, false);
        stripe.fail(p.intent(), "expired_card");
        assertThat(process(stripe.intentEvent("payment_intent.payment_failed", p.intent(), stripe.intent(p.intent()))))
                .isEqualTo(ProcessingOutcome.DONE);
        PaymentAttempt a = attempt(p.attemptId());
        assertThat(a.providerIntentId()).isEqualTo(p.intent());
        assertThat(a.failureCode()).isEqualTo("expired_card");
    }

    @Test
    void anIntentNamingOurAttemptThatHasAnotherIntentGoesToAnOperator() {
        Paying p = paying(3200, true);
        // A second intent carrying the same attempt reference (created elsewhere): the ledger cannot place it.
        String impostor = stripe.createIntent(3200, p.attemptId());
        stripe.succeed(impostor);
        double failuresBefore = failures("unknown_intent");
        assertThat(process(stripe.intentEvent("payment_intent.succeeded", impostor, stripe.intent(impostor))))
                .isEqualTo(ProcessingOutcome.DEAD_LETTER);
        stripe.fail(impostor, "card_declined");
        assertThat(process(stripe.intentEvent("payment_intent.payment_failed", impostor, stripe.intent(impostor))))
                .isEqualTo(ProcessingOutcome.DEAD_LETTER);
        assertThat(failures("unknown_intent")).isEqualTo(failuresBefore + 2);
        assertThat(ledger.transactionByReference(impostor).isNotFound()).isTrue();
        assertThat(attempt(p.attemptId()).providerIntentId()).isEqualTo(p.intent());
    }

    @Test
    void aDeclineOfAnotherIntegrationsIntentIsAcknowledged() {
        String theirs = stripe.createIntent(3300, null);
        stripe.fail(theirs, "card_declined");
        assertThat(process(stripe.intentEvent("payment_intent.payment_failed", theirs, stripe.intent(theirs))))
                .isEqualTo(ProcessingOutcome.IGNORED);
    }

    // ---- refunds ----

    private static JsonObject charge(String intentOrNull, long amountRefunded, boolean embedEmptyRefunds) {
        JsonObject c = json(
                "{\"id\":\"ch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)
                        + "\",\"object\":\"charge\",\"amount\":5000,\"currency\":\"usd\",\"amount_refunded\":"
                        + amountRefunded + "}");
        if (intentOrNull != null) {
            c.addProperty("payment_intent", intentOrNull);
        }
        if (embedEmptyRefunds) {
            c.add("refunds", json("{\"object\":\"list\",\"data\":[],\"has_more\":false,\"url\":\"/v1/refunds\"}"));
        }
        return c;
    }

    @Test
    void aChargeRefundedWithNothingListedIsRetriedOnlyWhenMoneyWasRefunded() {
        Paying p = posted(3400);
        assertThat(process(event("charge.refunded", charge(p.intent(), 1000, true))))
                .isEqualTo(ProcessingOutcome.RETRY);
        assertThat(process(event("charge.refunded", charge(p.intent(), 0, true))))
                .isEqualTo(ProcessingOutcome.IGNORED);
        assertThat(tx(p.intent()).refundedCents()).isZero();
    }

    @Test
    void aChargeRefundedOfAChargeWithoutPaymentIntentIsAcknowledged() {
        // A charge the provider does not know an intent for (a legacy charge): nothing of ours.
        assertThat(process(event("charge.refunded", charge(null, 1000, true)))).isEqualTo(ProcessingOutcome.IGNORED);
    }

    @Test
    void aChargeRefundedWhileTheProviderIsUnreachableIsRetried() {
        Paying p = posted(3500);
        stripe.setUnavailable(true);
        // Current API shape: the refunds must be listed from the provider, which does not answer.
        assertThat(process(event("charge.refunded", charge(p.intent(), 500, false))))
                .isEqualTo(ProcessingOutcome.RETRY);
        assertThat(tx(p.intent()).refundedCents()).isZero();
    }

    @Test
    void aRefundEventIsAppliedOnceAndAnEmptyOrUnplacedRefundIsAcknowledged() {
        Paying p = posted(3600);
        String refundId = "re_" + UUID.randomUUID().toString().replace("-", "");
        JsonObject refund = stripe.createRefund(
                p.intent(), refundId, 1200, "succeeded", Instant.now().getEpochSecond());
        String created = stripe.refundObjectEvent("refund.created", refund);
        assertThat(process(created)).isEqualTo(ProcessingOutcome.DONE);
        assertThat(process(created)).isEqualTo(ProcessingOutcome.DONE);
        assertThat(tx(p.intent()).refundedCents()).isEqualTo(1200);

        JsonObject empty = refund.deepCopy();
        empty.addProperty("id", "re_empty" + UUID.randomUUID().toString().replace("-", ""));
        empty.addProperty("amount", 0);
        assertThat(process(event("refund.created", empty))).isEqualTo(ProcessingOutcome.IGNORED);

        JsonObject unplaced = json("{\"id\":\"re_x\",\"object\":\"refund\",\"amount\":500,\"status\":\"succeeded\"}");
        assertThat(process(event("refund.updated", unplaced))).isEqualTo(ProcessingOutcome.IGNORED);
        assertThat(tx(p.intent()).refundedCents()).isEqualTo(1200);
    }

    @Test
    void aRefundNamingOnlyItsChargeIsPlacedThroughTheProvider() {
        Paying p = posted(3650);
        String refundId = "re_" + UUID.randomUUID().toString().replace("-", "");
        JsonObject refund = stripe.createRefund(
                p.intent(), refundId, 650, "succeeded", Instant.now().getEpochSecond());
        refund.remove("payment_intent"); // an older shape: only the charge
        assertThat(process(event("charge.refund.updated", refund))).isEqualTo(ProcessingOutcome.DONE);
        assertThat(tx(p.intent()).refundedCents()).isEqualTo(650);
        stripe.setUnavailable(true);
        assertThat(process(event("charge.refund.updated", refund))).isEqualTo(ProcessingOutcome.RETRY);
    }

    @Test
    void aFailedRefundThatArrivesBeforeItsCreationLeavesTheMoneyWithThePractice() {
        // Reordered delivery: the final status first, then the stale creation. The ledger keeps the furthest status.
        Paying p = posted(3700);
        String refundId = "re_" + UUID.randomUUID().toString().replace("-", "");
        JsonObject pending = stripe.createRefund(
                p.intent(), refundId, 900, "pending", Instant.now().getEpochSecond());
        stripe.setRefundStatus(refundId, "failed");
        JsonObject failed = stripe.refund(refundId);
        assertThat(process(stripe.refundObjectEvent("refund.failed", failed))).isEqualTo(ProcessingOutcome.DONE);
        assertThat(process(stripe.refundObjectEvent("refund.created", pending))).isEqualTo(ProcessingOutcome.DONE);
        assertThat(tx(p.intent()).refundedCents()).isZero();
    }

    @Test
    void aRefundOfAnIntentTheLedgerDoesNotKnowWhileTheProviderIsDownIsRetried() {
        String theirs = stripe.createIntent(3800, null);
        stripe.succeed(theirs);
        JsonObject refund = stripe.createRefund(
                theirs, "re_" + UUID.randomUUID().toString().replace("-", ""), 800, "succeeded", 1_700_000_000L);
        stripe.setUnavailable(true);
        // The connector has no such intent; whose it is cannot be told until the provider answers.
        assertThat(process(event("refund.created", refund))).isEqualTo(ProcessingOutcome.RETRY);
        stripe.setUnavailable(false);
        assertThat(process(event("refund.created", refund))).isEqualTo(ProcessingOutcome.IGNORED);
    }

    // ---- disputes ----

    @ParameterizedTest
    @CsvSource({"charge_refunded,2500", "needs_response,0", "lost,-1"})
    void aDisputeWithAStatusOrAmountThisVersionDoesNotKnowIsAcknowledgedUnapplied(String status, long amount) {
        Paying p = posted(3900);
        JsonObject dispute =
                stripe.dispute(p.intent(), "dp_" + UUID.randomUUID().toString().replace("-", ""), amount, status);
        assertThat(process(event("charge.dispute.created", dispute))).isEqualTo(ProcessingOutcome.IGNORED);
        assertThat(tx(p.intent()).status()).isEqualTo(TransactionStatus.SUCCEEDED);
    }

    @Test
    void aDisputeWithoutIntentOrChargeIsAcknowledgedAndOneNamingOnlyItsChargeWaitsForTheProvider() {
        Paying p = posted(4000);
        JsonObject dispute = stripe.dispute(
                p.intent(), "dp_" + UUID.randomUUID().toString().replace("-", ""), 4000, "needs_response");
        dispute.remove("payment_intent");
        JsonObject orphan = dispute.deepCopy();
        orphan.remove("charge");
        assertThat(process(event("charge.dispute.created", orphan))).isEqualTo(ProcessingOutcome.IGNORED);
        stripe.setUnavailable(true);
        assertThat(process(event("charge.dispute.created", dispute))).isEqualTo(ProcessingOutcome.RETRY);
        stripe.setUnavailable(false);
        assertThat(process(event("charge.dispute.funds_withdrawn", dispute))).isEqualTo(ProcessingOutcome.DONE);
        assertThat(tx(p.intent()).status()).isEqualTo(TransactionStatus.DISPUTED);
    }
}

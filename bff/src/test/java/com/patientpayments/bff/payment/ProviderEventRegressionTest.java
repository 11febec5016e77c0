package com.patientpayments.bff.payment;

import static com.patientpayments.bff.payment.PaymentTestKit.await;
import static com.patientpayments.bff.payment.StripeTestServer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.testsupport.ConnectorHouseholds;
import com.patientpayments.bff.testsupport.ConnectorHouseholds.Charge;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.contract.TransactionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10's first list, each bullet with its quoted input, through the real webhook endpoint → SQS → consumer →
 * connector path in STRIPE mode (real stripe-java against FakeStripe). Each test pays into its own fresh household,
 * so balances are exact.
 */
class ProviderEventRegressionTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 2);
    private static StripeTestServer app;

    @BeforeAll
    static void startAll() throws Exception {
        app = StripeTestServer.start(
                ProviderEventRegressionTest.class,
                Map.of(
                        "payments.payment.provider-recheck-after", "2s",
                        "payments.payment.provider-recheck-every", "0s",
                        "payments.janitor.batch", "500"));
    }

    @AfterAll
    static void stopAll() {
        if (app != null) {
            app.close();
        }
    }

    private static ConnectorHouseholds.Household household() {
        return ConnectorHouseholds.create(new Charge(D, 3000), new Charge(D.plusDays(5), 4000));
    }

    /** "Dispute inquiries move money." */
    @Test
    void anInquiryMovesNoMoneyAndItsCloseLeavesThePaymentSucceeded() {
        var h = household();
        GraphQLTestClient patient = app.signIn(h);
        var paid = app.pay(patient, 7000);
        long dlq = app.deadLetters();
        String inquiry = "du_" + UUID.randomUUID().toString().replace("-", "");
        app.deliverAndSettle(app.stripe.disputeEvent(
                "charge.dispute.created", paid.intent(), inquiry, 7000, "warning_needs_response"));
        assertThat(app.tx(paid.intent()).status()).isEqualTo(TransactionStatus.SUCCEEDED);
        JsonNode household = StripeTestServer.household(patient);
        assertThat(household.path("charges"))
                .as("nothing owed again, nothing flagged")
                .isEmpty();
        assertThat(ConnectorHouseholds.value("SELECT count(*) FROM dispute_states WHERE dispute_id = ?", inquiry))
                .as("the inquiry is recorded")
                .isEqualTo(1);

        app.deliverAndSettle(
                app.stripe.disputeEvent("charge.dispute.closed", paid.intent(), inquiry, 7000, "warning_closed"));
        assertThat(app.tx(paid.intent()).status()).isEqualTo(TransactionStatus.SUCCEEDED);
        assertThat(StripeTestServer.household(patient).path("charges")).isEmpty();
        assertThat(app.deadLetters()).isEqualTo(dlq);
    }

    /** "A refund that later fails stays on the ledger." Every event that can carry the failure, both final statuses. */
    @ParameterizedTest
    @CsvSource({
        "charge.refund.updated, failed",
        "charge.refund.updated, canceled",
        "refund.updated, failed",
        "refund.updated, canceled",
        "refund.failed, failed"
    })
    void aRefundThatLaterFailsOrIsCanceledIsAppliedAgain(String type, String finalStatus) {
        var h = household();
        GraphQLTestClient patient = app.signIn(h);
        var paid = app.pay(patient, 7000);
        String refundId = "re_" + UUID.randomUUID().toString().replace("-", "");
        JsonObject refund = app.stripe.createRefund(
                paid.intent(), refundId, 2500, "pending", Instant.now().getEpochSecond());
        app.deliverAndSettle(app.stripe.refundObjectEvent("refund.created", refund));
        assertThat(app.tx(paid.intent()).refundedCents()).isEqualTo(2500);
        assertThat(StripeTestServer.household(patient).at("/balance/cents").asLong())
                .isEqualTo(2500);

        app.stripe.setRefundStatus(refundId, finalStatus);
        app.deliverAndSettle(app.stripe.refundObjectEvent(type, app.stripe.refund(refundId)));
        assertThat(app.tx(paid.intent()).refundedCents()).isZero();
        assertThat(app.tx(paid.intent()).status()).isEqualTo(TransactionStatus.SUCCEEDED);
        assertThat(StripeTestServer.household(patient).at("/balance/cents").asLong())
                .as("the practice kept the money: nothing owed")
                .isZero();
        // the stale "pending" event arriving late changes nothing
        app.deliverAndSettle(app.stripe.refundObjectEvent("refund.created", refund));
        assertThat(app.tx(paid.intent()).refundedCents()).isZero();
    }

    /** "Events before their payment are lost to the dead-letter queue": refunds, dispute opening and close. */
    @ParameterizedTest
    @ValueSource(strings = {"charge.refunded", "refund.created", "charge.dispute.created", "charge.dispute.closed"})
    void anEventBeforeItsPaymentPostsThePaymentFirstFromTheProvidersRecord(String type) {
        var h = household();
        GraphQLTestClient patient = app.signIn(h);
        var started = app.startAndSucceed(patient, 7000);
        long dlq = app.deadLetters();
        String event = claimEvent(type, started.intent());
        app.deliverAndSettle(event);
        assertThat(app.deadLetters()).as("never the DLQ for ordering").isEqualTo(dlq);
        assertThat(app.transaction(started.intent()))
                .as("posted from the provider's own record")
                .isPresent();
        assertClaimApplied(type, started.intent());
        // the payment's own event, late, changes nothing
        app.deliverAndSettle(app.stripe.intentEvent(
                "payment_intent.succeeded", started.intent(), app.stripe.intent(started.intent())));
        assertThat(PaymentTestKit.transactionCount(started.intent())).isEqualTo(1);
        assertClaimApplied(type, started.intent());
    }

    /** The other way order never loses an event: the provider unreachable, the report is parked durably. */
    @Test
    void anEventBeforeItsPaymentWhileTheProviderIsDownIsParkedAndAppliedWhenThePaymentPosts() {
        var h = household();
        GraphQLTestClient patient = app.signIn(h);
        var started = app.startAndSucceed(patient, 7000);
        JsonObject refund = app.stripe.createRefund(
                started.intent(),
                "re_" + UUID.randomUUID().toString().replace("-", ""),
                1500,
                "succeeded",
                Instant.now().getEpochSecond());
        String disputeClosed = app.stripe.disputeEvent(
                "charge.dispute.closed",
                started.intent(),
                "dp_" + UUID.randomUUID().toString().replace("-", ""),
                5500,
                "lost");
        long dlq = app.deadLetters();
        app.stripe.setUnavailable(true);
        try {
            app.deliverAndSettle(app.stripe.refundObjectEvent("refund.created", refund));
            app.deliverAndSettle(disputeClosed);
        } finally {
            app.stripe.setUnavailable(false);
        }
        assertThat(app.deadLetters()).isEqualTo(dlq);
        assertThat(app.transaction(started.intent())).isEmpty();
        assertThat(ConnectorHouseholds.value(
                        "SELECT count(*) FROM parked_provider_events WHERE provider_reference = ?"
                                + " AND applied_at IS NULL",
                        started.intent()))
                .isEqualTo(2);

        app.deliverAndSettle(app.stripe.intentEvent(
                "payment_intent.succeeded", started.intent(), app.stripe.intent(started.intent())));
        assertThat(app.tx(started.intent()).refundedCents()).isEqualTo(1500);
        assertThat(app.tx(started.intent()).status()).isEqualTo(TransactionStatus.DISPUTE_LOST);
        assertThat(StripeTestServer.household(patient).at("/balance/cents").asLong())
                .isEqualTo(7000);
    }

    /** "A refund event without an embedded refunds list is acknowledged and dropped" — and older shapes still work. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void chargeRefundedWithOrWithoutEmbeddedRefunds(boolean olderApiVersion) {
        var h = household();
        GraphQLTestClient patient = app.signIn(h);
        var paid = app.pay(patient, 7000);
        String first = "re_" + UUID.randomUUID().toString().replace("-", "");
        app.stripe.createRefund(
                paid.intent(), first, 1000, "succeeded", Instant.now().getEpochSecond());
        app.stripe.createRefund(
                paid.intent(), first + "b", 2000, "succeeded", Instant.now().getEpochSecond() + 1);
        int listsBefore = refundLists();
        String event = olderApiVersion
                ? app.stripe.chargeRefundedEventWithEmbeddedRefunds(paid.intent(), "2022-08-01")
                : app.stripe.chargeRefundedEvent(paid.intent());
        assertThat(event.contains("\"refunds\"")).isEqualTo(olderApiVersion);
        app.deliverAndSettle(event);
        assertThat(app.tx(paid.intent()).refundedCents()).isEqualTo(3000);
        assertThat(app.tx(paid.intent()).status()).isEqualTo(TransactionStatus.PARTIALLY_REFUNDED);
        assertThat(refundLists() > listsBefore)
                .as("the refunds were listed from Stripe")
                .isEqualTo(!olderApiVersion);
        assertThat(StripeTestServer.household(patient).at("/balance/cents").asLong())
                .isEqualTo(3000);
    }

    /** "Unknown intents": ours-but-unknown goes to the DLQ with a failure counter; not ours is acknowledged. */
    @Test
    void unknownIntentsOursToTheDeadLetterQueueOthersAcknowledgedAndCounted() {
        double failuresBefore = app.counter("pp.failures", "operation", "webhook", "reason", "unknown_intent");
        double ignoredBefore = app.counter("payments.webhook.processed", "outcome", "ignored");
        long dlqBefore = app.deadLetters();

        String ours = app.stripe.createIntent(4200, UUID.randomUUID().toString());
        app.stripe.succeed(ours);
        app.deliverAndSettle(app.stripe.intentEvent("payment_intent.succeeded", ours, app.stripe.intent(ours)));
        await("dead-lettered", WAIT, () -> app.deadLetters() == dlqBefore + 1);
        assertThat(app.counter("pp.failures", "operation", "webhook", "reason", "unknown_intent"))
                .isEqualTo(failuresBefore + 1);
        assertThat(app.transaction(ours)).isEmpty();

        String theirs = app.stripe.createIntent(4300, null);
        app.stripe.succeed(theirs);
        app.deliverAndSettle(app.stripe.intentEvent("payment_intent.succeeded", theirs, app.stripe.intent(theirs)));
        String declined = app.stripe.createIntent(4400, null);
        app.stripe.fail(declined, "card_declined");
        app.deliverAndSettle(
                app.stripe.intentEvent("payment_intent.payment_failed", declined, app.stripe.intent(declined)));
        app.deliverAndSettle(app.stripe.disputeEvent(
                "charge.dispute.created",
                theirs,
                "dp_theirs" + UUID.randomUUID().toString().replace("-", ""),
                4300,
                "needs_response"));
        assertThat(app.deadLetters()).as("not ours: never the DLQ").isEqualTo(dlqBefore + 1);
        assertThat(app.counter("payments.webhook.processed", "outcome", "ignored"))
                .isEqualTo(ignoredBefore + 3);

        // a dispute of an intent that is ours but unknown is dead-lettered too
        app.deliverAndSettle(app.stripe.disputeEvent(
                "charge.dispute.created",
                ours,
                "dp_ours" + UUID.randomUUID().toString().replace("-", ""),
                4200,
                "needs_response"));
        await("dispute dead-lettered", WAIT, () -> app.deadLetters() == dlqBefore + 2);
    }

    /** "Stuck attempts": the janitor posts or fails from the provider's record; payment(id) re-reads it. */
    @Test
    void stuckAttemptsAreSettledByTheJanitorAndByPaymentStatus() {
        var h = household();
        GraphQLTestClient patient = app.signIn(h);
        var succeeded = app.startAndSucceed(patient, 1000); // final webhook lost
        String declined = PaymentTestKit.start(patient, 1100);
        app.stripe.fail(app.stripe.intentOfAttempt(declined), "insufficient_funds");
        String walkedAway = PaymentTestKit.start(patient, 1200); // card form never submitted

        double postedBefore = app.counter("payments.janitor.attempts", "result", "posted");
        var report = app.bean(AttemptJanitor.class).run(Instant.now().plus(java.time.Duration.ofMinutes(11)));
        assertThat(report.repairedAttemptIds())
                .contains(succeeded.paymentId(), declined)
                .doesNotContain(walkedAway);
        assertThat(app.counter("payments.janitor.attempts", "result", "posted")).isGreaterThan(postedBefore);
        assertThat(PaymentTestKit.status(patient, succeeded.paymentId())).isEqualTo("SUCCEEDED");
        assertThat(PaymentTestKit.payment(patient, declined).path("failureCode").asText())
                .isEqualTo("insufficient_funds");
        assertThat(PaymentTestKit.status(patient, walkedAway)).isEqualTo("PROCESSING");

        app.bean(AttemptJanitor.class).run(Instant.now().plus(java.time.Duration.ofHours(3)));
        assertThat(PaymentTestKit.payment(patient, walkedAway)
                        .path("failureCode")
                        .asText())
                .isEqualTo("abandoned");

        // payment(id): processing longer than the recheck delay (2 s here) is re-read from Stripe and posted
        var late = app.startAndSucceed(patient, 1300);
        await(
                "payment(id) settles it",
                WAIT,
                () -> "SUCCEEDED".equals(PaymentTestKit.status(patient, late.paymentId())));
        assertThat(PaymentTestKit.payment(patient, late.paymentId())
                        .path("txId")
                        .asText())
                .isNotBlank();
        assertThat(PaymentTestKit.transactionCount(late.intent())).isEqualTo(1);
    }

    private static String claimEvent(String type, String intent) {
        String id = UUID.randomUUID().toString().replace("-", "");
        switch (type) {
            case "charge.refunded":
                app.stripe.createRefund(
                        intent, "re_" + id, 2000, "succeeded", Instant.now().getEpochSecond());
                return app.stripe.chargeRefundedEvent(intent);
            case "refund.created":
                return app.stripe.refundObjectEvent(
                        type,
                        app.stripe.createRefund(
                                intent,
                                "re_" + id,
                                2000,
                                "succeeded",
                                Instant.now().getEpochSecond()));
            case "charge.dispute.created":
                return app.stripe.disputeEvent(type, intent, "dp_" + id, 7000, "needs_response");
            default:
                return app.stripe.disputeEvent(type, intent, "dp_" + id, 7000, "lost");
        }
    }

    private static void assertClaimApplied(String type, String intent) {
        var tx = app.tx(intent);
        if (type.startsWith("charge.dispute")) {
            assertThat(tx.status())
                    .isEqualTo(type.endsWith("created") ? TransactionStatus.DISPUTED : TransactionStatus.DISPUTE_LOST);
        } else {
            assertThat(tx.refundedCents()).isEqualTo(2000);
        }
    }

    private static int refundLists() {
        return (int) app.stripe.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals("/v1/refunds"))
                .count();
    }

    static EmrClient emr() {
        return app.bean(EmrClient.class);
    }
}

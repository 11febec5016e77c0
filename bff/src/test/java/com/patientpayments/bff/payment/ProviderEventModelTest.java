package com.patientpayments.bff.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import com.patientpayments.bff.testsupport.ConnectorHouseholds;
import com.patientpayments.bff.testsupport.ConnectorHouseholds.Charge;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.contract.Transaction;
import com.patientpayments.contract.TransactionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Model-based property test of the money path: for random histories of one payment at the provider — the payment,
 * refunds created/updated/failed/canceled, inquiries, disputes opened / funds withdrawn / reinstated / won / lost —
 * every event the provider would send (each a snapshot of its object when sent), shuffled and with duplicates, goes
 * through the REAL webhook endpoint → SQS (ElasticMQ) → consumer → connector path. The ledger's final state must
 * equal what the provider's final state implies, computed by an independent model: what the payment still holds
 * (payment − refunds in effect − withdrawn dispute funds) is its oldest money, per charge; an open chargeback flags
 * the charges its share touches.
 *
 * <p>{@code -Dpayments.model.iterations=200} runs more histories (default 8); {@code -Dpayments.model.seed=…} replays
 * one. Every failure names its seed.
 */
class ProviderEventModelTest {

    private static final int ITERATIONS = Integer.getInteger("payments.model.iterations", 8);
    private static final LocalDate D = LocalDate.of(2026, 2, 2);
    private static StripeTestServer app;

    @BeforeAll
    static void startAll() throws Exception {
        app = StripeTestServer.start(ProviderEventModelTest.class, Map.of("payments.queue.retry-backoff", "0s"));
    }

    @AfterAll
    static void stopAll() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anyOrderOfAnyHistoryLeavesTheLedgerTheProvidersFinalStateImplies() {
        long seed = Long.getLong("payments.model.seed", new Random().nextLong());
        for (int i = 0; i < ITERATIONS; i++) {
            long runSeed = seed + i;
            StringBuilder story = new StringBuilder();
            try {
                run(new Random(runSeed), story);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "model test failed: replay with -Dpayments.model.seed=" + runSeed
                                + " -Dpayments.model.iterations=1; history: " + story + ": " + e.getMessage(),
                        e);
            }
        }
    }

    private record RefundState(String id, long amount, List<String> statuses) {
        String last() {
            return statuses.get(statuses.size() - 1);
        }

        boolean inEffect() {
            return !last().equals("failed") && !last().equals("canceled");
        }
    }

    private record DisputeState(String id, long amount, List<String> statuses) {
        String last() {
            return statuses.get(statuses.size() - 1);
        }

        boolean withdrawn() {
            return List.of("needs_response", "under_review", "lost").contains(last());
        }

        boolean open() {
            return List.of("needs_response", "under_review").contains(last());
        }
    }

    private static void run(Random r, StringBuilder story) {
        int n = 2 + r.nextInt(3);
        List<Charge> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            specs.add(new Charge(D.plusDays(r.nextInt(3)), 1000 + r.nextInt(5000)));
        }
        var h = ConnectorHouseholds.create(specs.toArray(new Charge[0]));
        long balance = specs.stream().mapToLong(Charge::amountCents).sum();
        long amount = balance / 2 + r.nextInt((int) (balance - balance / 2) + 1);
        GraphQLTestClient patient = app.signIn(h);
        var started = app.startAndSucceed(patient, amount);
        String intent = started.intent();
        List<String> events = new ArrayList<>();
        events.add(app.stripe.intentEvent("payment_intent.succeeded", intent, app.stripe.intent(intent)));

        // refunds, each through a lifecycle Stripe allows
        List<RefundState> refunds = new ArrayList<>();
        long refundable = amount;
        long created = Instant.now().getEpochSecond();
        for (int k = r.nextInt(4); k > 0 && refundable > 0; k--) {
            long cents = 1 + r.nextInt((int) Math.min(refundable, 3000));
            List<String> path = List.of(
                            List.of("succeeded"),
                            List.of("pending", "succeeded"),
                            List.of("pending", "failed"),
                            List.of("pending", "canceled"),
                            List.of("succeeded", "failed"),
                            List.of("requires_action", "canceled"))
                    .get(r.nextInt(6));
            String id = "re_" + UUID.randomUUID().toString().replace("-", "");
            RefundState refund = new RefundState(id, cents, path);
            refunds.add(refund);
            refundable -= cents;
            for (int s = 0; s < path.size(); s++) {
                JsonObject state = s == 0
                        ? app.stripe.createRefund(intent, id, cents, path.get(s), created++)
                        : refundMove(id, path.get(s));
                events.addAll(refundEvents(r, intent, state, s == 0, path.get(s)));
            }
        }
        // at most one dispute per charge: an inquiry (maybe escalated) or a chargeback
        DisputeState dispute = null;
        long disputable =
                amount - refunds.stream().mapToLong(RefundState::amount).sum();
        if (disputable > 0 && r.nextInt(10) < 7) {
            List<String> path = List.of(
                            List.of("warning_needs_response"),
                            List.of("warning_needs_response", "warning_closed"),
                            List.of("warning_needs_response", "warning_under_review", "warning_closed"),
                            List.of("warning_needs_response", "needs_response", "under_review", "won"),
                            List.of("needs_response"),
                            List.of("needs_response", "under_review"),
                            List.of("needs_response", "under_review", "won"),
                            List.of("needs_response", "lost"),
                            List.of("needs_response", "under_review", "lost"))
                    .get(r.nextInt(9));
            dispute = new DisputeState("dp_" + UUID.randomUUID().toString().replace("-", ""), disputable, path);
            for (int s = 0; s < path.size(); s++) {
                events.addAll(disputeEvents(intent, dispute, path.get(s), s == 0));
            }
        }
        // the delivery: duplicates, any order
        List<String> deliveries = new ArrayList<>(events);
        for (String e : events) {
            for (int d = r.nextInt(10) < 3 ? 1 + r.nextInt(2) : 0; d > 0; d--) {
                deliveries.add(e);
            }
        }
        Collections.shuffle(deliveries, r);
        story.append("charges=")
                .append(specs)
                .append(" amount=")
                .append(amount)
                .append(" refunds=")
                .append(refunds)
                .append(" dispute=")
                .append(dispute)
                .append(" deliveries=")
                .append(deliveries.size());
        long dlq = app.deadLetters();
        for (String e : deliveries) {
            assertThat(app.deliver(e)).isEqualTo(200);
        }
        app.awaitSettled();
        assertThat(app.deadLetters()).as("nothing dead-lettered").isEqualTo(dlq);
        check(h, specs, amount, refunds, dispute, intent, patient);
    }

    private static JsonObject refundMove(String id, String status) {
        app.stripe.setRefundStatus(id, status);
        return app.stripe.refund(id);
    }

    /** The events Stripe sends for a refund reaching {@code status} (a snapshot of the refund and its charge). */
    private static List<String> refundEvents(Random r, String intent, JsonObject refund, boolean first, String status) {
        List<String> out = new ArrayList<>();
        if (first) {
            out.add(app.stripe.refundObjectEvent("refund.created", refund));
            out.add(
                    r.nextBoolean()
                            ? app.stripe.chargeRefundedEvent(intent)
                            : app.stripe.chargeRefundedEventWithEmbeddedRefunds(intent, "2022-08-01"));
            return out;
        }
        out.add(app.stripe.refundObjectEvent("refund.updated", refund));
        out.add(app.stripe.refundObjectEvent("charge.refund.updated", refund));
        if (status.equals("failed")) {
            out.add(app.stripe.refundObjectEvent("refund.failed", refund));
        }
        return out;
    }

    private static List<String> disputeEvents(String intent, DisputeState d, String status, boolean first) {
        JsonObject state = app.stripe.dispute(intent, d.id(), d.amount(), status);
        List<String> out = new ArrayList<>();
        out.add(app.stripe.disputeObjectEvent(
                first
                        ? "charge.dispute.created"
                        : List.of("won", "lost", "warning_closed").contains(status)
                                ? "charge.dispute.closed"
                                : "charge.dispute.updated",
                state));
        if (status.equals("needs_response")) {
            out.add(app.stripe.disputeObjectEvent("charge.dispute.funds_withdrawn", state));
        }
        if (status.equals("won")) {
            out.add(app.stripe.disputeObjectEvent("charge.dispute.funds_reinstated", state));
        }
        return out;
    }

    /** The independent model of the final ledger, and the comparison. */
    private static void check(
            ConnectorHouseholds.Household h,
            List<Charge> specs,
            long amount,
            List<RefundState> refunds,
            DisputeState dispute,
            String intent,
            GraphQLTestClient patient) {
        // allocation: oldest date of service first, then entry order
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> specs.get(a).serviceDate().compareTo(specs.get(b).serviceDate()) != 0
                ? specs.get(a).serviceDate().compareTo(specs.get(b).serviceDate())
                : Integer.compare(a, b));
        long[] applied = new long[specs.size()];
        long left = amount;
        for (int i : order) {
            applied[i] = Math.min(left, specs.get(i).amountCents());
            left -= applied[i];
        }
        long refunded = refunds.stream()
                .filter(RefundState::inEffect)
                .mapToLong(RefundState::amount)
                .sum();
        long withdrawn = dispute != null && dispute.withdrawn() ? dispute.amount() : 0;
        long taken = Math.min(amount, refunded + withdrawn);
        // what is taken back is the newest money: from the last charge in allocation order down
        long[] takenOn = new long[specs.size()];
        long[] disputedOn = new long[specs.size()];
        long refundsLeft = Math.min(amount, refunded);
        long disputeLeft = taken - refundsLeft;
        for (int k = order.size() - 1; k >= 0; k--) {
            int i = order.get(k);
            long fromRefunds = Math.min(refundsLeft, applied[i]);
            refundsLeft -= fromRefunds;
            long fromDispute = Math.min(disputeLeft, applied[i] - fromRefunds);
            disputeLeft -= fromDispute;
            takenOn[i] = fromRefunds + fromDispute;
            disputedOn[i] = fromDispute;
        }
        boolean open = dispute != null && dispute.open();
        Transaction tx = app.tx(intent);
        TransactionStatus expectedStatus = open
                ? TransactionStatus.DISPUTED
                : Math.min(amount, refunded) >= amount
                        ? TransactionStatus.REFUNDED
                        : dispute != null && dispute.last().equals("lost")
                                ? TransactionStatus.DISPUTE_LOST
                                : refunded > 0 ? TransactionStatus.PARTIALLY_REFUNDED : TransactionStatus.SUCCEEDED;
        assertThat(tx.status()).as("transaction status").isEqualTo(expectedStatus);
        assertThat(tx.refundedCents()).as("refunded").isEqualTo(Math.min(amount, refunded));
        Map<String, Boolean> flagged = new HashMap<>();
        JsonNode household = StripeTestServer.household(patient);
        household
                .path("charges")
                .forEach(c ->
                        flagged.put(c.path("id").asText(), c.path("disputed").asBoolean()));
        long payable = 0;
        for (int i = 0; i < specs.size(); i++) {
            long expected = specs.get(i).amountCents() - applied[i] + takenOn[i];
            assertThat(ConnectorHouseholds.balance(h.chargeIds().get(i)))
                    .as("balance of charge " + i)
                    .isEqualTo(expected);
            boolean isDisputed = open && disputedOn[i] > 0;
            assertThat(flagged.getOrDefault(h.chargeIds().get(i).toString(), false))
                    .as("charge " + i + " disputed")
                    .isEqualTo(isDisputed);
            payable += isDisputed ? 0 : expected;
        }
        assertThat(household.at("/balance/cents").asLong())
                .as("payable balance")
                .isEqualTo(payable);
        assertThat(ConnectorHouseholds.credit(h.id())).as("credit").isZero();
    }
}

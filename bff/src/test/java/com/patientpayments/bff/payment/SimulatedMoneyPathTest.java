package com.patientpayments.bff.payment;

import static com.patientpayments.bff.payment.PaymentTestKit.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.ConnectorHouseholds;
import com.patientpayments.bff.testsupport.ConnectorHouseholds.Charge;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.contract.Transaction;
import com.patientpayments.contract.TransactionStatus;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole money path in the demo's SIMULATED mode: Stripe's test cards drive payments, refunds (and failing ones),
 * disputes and inquiries whose Stripe-format events go through the production webhook path; the allocation preview is
 * what the receipt then says (a household with a disputed charge, one with credit); a decline keeps the amount;
 * recent payments for a second tab.
 */
class SimulatedMoneyPathTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate D = LocalDate.of(2026, 4, 6);
    private static final String CONFIRM =
            "mutation($id: ID!, $card: String!) { confirmSimulatedPayment(paymentId: $id, "
                    + "cardNumber: $card) { id status } }";
    private static final String REFUND =
            "mutation($id: ID!, $a: Int!) { simulateRefund(paymentId: $id, " + "amountCents: $a) { id status } }";
    private static final String EVIDENCE = "mutation($id: ID!, $e: String!) { simulateDisputeEvidence(paymentId: $id, "
            + "evidence: $e) { id status } }";
    private static final String PREVIEW = "query($a: Int!) { household { allocationPreview(amountCents: $a) { "
            + "amount { cents } lines { chargeId applied { cents } remaining { cents } } credit { cents } } } }";
    private static final String RECEIPT = "query($tx: ID!) { receipt(txId: $tx) { total { cents } credit { cents } "
            + "lines { chargeId applied { cents } remaining { cents } } adjustments { kind amount { cents } } } }";
    private static EmbeddedServer server;

    @BeforeAll
    static void startAll() {
        Map<String, Object> p = new HashMap<>(BffTestSupport.properties(SimulatedMoneyPathTest.class));
        p.put("micronaut.server.port", -1);
        p.put("micronaut.server.host", "127.0.0.1");
        p.put("payments.session.cookie-secure", "false");
        p.put("payments.stripe.secret-key", "");
        p.put("payments.webhook.secrets", PaymentTestKit.SECRET);
        p.put("payments.queue.name", "sim-money-" + UUID.randomUUID());
        p.put("payments.queue.wait-time", "1s");
        p.put("payments.reconciliation.enabled", "false");
        p.put("payments.janitor.interval", "1h");
        server = ApplicationContext.run(EmbeddedServer.class, p);
        server.getApplicationContext().getBean(graphql.GraphQL.class);
    }

    @AfterAll
    static void stopAll() {
        if (server != null) {
            server.close();
        }
    }

    private static GraphQLTestClient signIn(String hash, String account, String lastName) {
        return BffTestSupport.signedIn(server.getURL(), hash, account, lastName);
    }

    private static GraphQLTestClient fresh(ConnectorHouseholds.Household h) {
        return signIn(h.practiceHash(), h.accountNumber(), h.lastName());
    }

    /** Starts and confirms with a card; answers the payment id once it is final. */
    private static String pay(GraphQLTestClient c, long cents, String card) {
        String id = PaymentTestKit.start(c, cents);
        c.execute(CONFIRM, "id", id, "card", card);
        await("payment final", WAIT, () -> !"PROCESSING".equals(PaymentTestKit.status(c, id)));
        return id;
    }

    private static Transaction tx(GraphQLTestClient c, String paymentId) {
        String txId = PaymentTestKit.payment(c, paymentId).path("txId").asText();
        String intent = server.getApplicationContext()
                .getBean(EmrClient.class)
                .receipt(txId)
                .optional()
                .orElseThrow()
                .transaction()
                .providerReference();
        return server.getApplicationContext()
                .getBean(EmrClient.class)
                .transactionByReference(intent)
                .optional()
                .orElseThrow();
    }

    private static void awaitTx(
            GraphQLTestClient c, String paymentId, String what, java.util.function.Predicate<Transaction> condition) {
        await(what, WAIT, () -> condition.test(tx(c, paymentId)));
    }

    /** "The preview disagrees with the ledger", quoted: household 100235 (a disputed charge), $180.25. */
    @Test
    void thePreviewIsTheReceiptForTheHouseholdWithADisputedCharge() {
        GraphQLTestClient c = signIn(BffTestSupport.PRACTICE, "100235", "O'Brien");
        JsonNode household =
                c.execute("{ household { charges { id disputed } } }").data().path("household");
        List<String> disputed = new ArrayList<>();
        household.path("charges").forEach(ch -> {
            if (ch.path("disputed").asBoolean()) {
                disputed.add(ch.path("id").asText());
            }
        });
        assertThat(disputed).hasSize(1);
        JsonNode preview = c.execute(PREVIEW, "a", 18025).data().at("/household/allocationPreview");
        assertThat(preview.path("lines")).hasSize(2);
        preview.path("lines")
                .forEach(l ->
                        assertThat(disputed).doesNotContain(l.path("chargeId").asText()));
        assertThat(preview.path("lines").get(0).at("/applied/cents").asLong()).isEqualTo(16500);
        assertThat(preview.path("lines").get(1).at("/applied/cents").asLong()).isEqualTo(1525);
        assertThat(preview.at("/credit/cents").asLong()).isZero();

        String paymentId = pay(c, 18025, "4242 4242 4242 4242");
        assertReceiptEqualsPreview(c, paymentId, preview);
    }

    /** A household holding credit (a payment posted after its balance changed) previews and pays like any other. */
    @Test
    void thePreviewIsTheReceiptForAHouseholdWithCredit() {
        var h = ConnectorHouseholds.create(new Charge(D, 3000), new Charge(D.plusDays(1), 4000));
        GraphQLTestClient c = fresh(h);
        String first = PaymentTestKit.start(c, 7000);
        String second = PaymentTestKit.start(c, 5000); // a second tab, started before the first posted
        c.execute(CONFIRM, "id", first, "card", "4242424242424242");
        await("first posted", WAIT, () -> "SUCCEEDED".equals(PaymentTestKit.status(c, first)));
        c.execute(CONFIRM, "id", second, "card", "4242424242424242");
        await("second posted", WAIT, () -> "SUCCEEDED".equals(PaymentTestKit.status(c, second)));
        assertThat(ConnectorHouseholds.credit(h.id())).isEqualTo(5000);
        ConnectorHouseholds.addCharge(h, new Charge(D.plusDays(9), 2600));
        ConnectorHouseholds.addCharge(h, new Charge(D.plusDays(9), 900));

        JsonNode preview = c.execute(PREVIEW, "a", 3000).data().at("/household/allocationPreview");
        assertThat(preview.path("lines")).hasSize(2);
        String paymentId = pay(c, 3000, "4242424242424242");
        assertReceiptEqualsPreview(c, paymentId, preview);
        // above the balance the preview shows what would be kept as credit
        JsonNode over = c.execute(PREVIEW, "a", 1000).data().at("/household/allocationPreview");
        assertThat(over.at("/credit/cents").asLong()).isEqualTo(500);
        assertThat(c.execute(PREVIEW, "a", 0).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(c.execute(PREVIEW, "a", -5).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(c.execute(PREVIEW, "a", 2_000_000_000).errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    private static void assertReceiptEqualsPreview(GraphQLTestClient c, String paymentId, JsonNode preview) {
        String txId = PaymentTestKit.payment(c, paymentId).path("txId").asText();
        JsonNode receipt = c.execute(RECEIPT, "tx", txId).data().path("receipt");
        assertThat(receipt.at("/total/cents")).isEqualTo(preview.at("/amount/cents"));
        assertThat(receipt.at("/credit/cents")).isEqualTo(preview.at("/credit/cents"));
        Map<String, JsonNode> lines = new HashMap<>();
        receipt.path("lines").forEach(l -> lines.put(l.path("chargeId").asText(), l));
        assertThat(lines).hasSize(preview.path("lines").size());
        preview.path("lines").forEach(p -> {
            JsonNode r = lines.get(p.path("chargeId").asText());
            assertThat(r).as("receipt line for " + p.path("chargeId")).isNotNull();
            assertThat(r.at("/applied/cents")).isEqualTo(p.at("/applied/cents"));
            assertThat(r.at("/remaining/cents")).isEqualTo(p.at("/remaining/cents"));
        });
    }

    /** "A declined card switches the amount to the full balance": the retry pays the amount chosen. */
    @Test
    void aDeclineKeepsTheAmountAndTheRetryPaysExactlyIt() {
        var h = ConnectorHouseholds.create(new Charge(D, 50000), new Charge(D.plusDays(3), 18100));
        GraphQLTestClient c = fresh(h);
        String key = UUID.randomUUID().toString();
        String paymentId = PaymentTestKit.startPayment(c, 3750, key)
                .data()
                .at("/startPayment/paymentId")
                .asText();
        c.execute(CONFIRM, "id", paymentId, "card", "4000 0000 0000 0002");
        await("declined", WAIT, () -> "FAILED".equals(PaymentTestKit.status(c, paymentId)));
        // the same payment again (same key): same id, processing again, same amount
        JsonNode again = PaymentTestKit.startPayment(c, 3750, key).data().path("startPayment");
        assertThat(again.path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(again.at("/amount/cents").asLong()).isEqualTo(3750);
        assertThat(PaymentTestKit.status(c, paymentId)).isEqualTo("PROCESSING");
        c.execute(CONFIRM, "id", paymentId, "card", "4242 4242 4242 4242");
        await("paid", WAIT, () -> "SUCCEEDED".equals(PaymentTestKit.status(c, paymentId)));
        String txId = PaymentTestKit.payment(c, paymentId).path("txId").asText();
        assertThat(c.execute(RECEIPT, "tx", txId)
                        .data()
                        .at("/receipt/total/cents")
                        .asLong())
                .isEqualTo(3750);
        assertThat(c.execute("{ household { balance { cents } } }")
                        .data()
                        .at("/household/balance/cents")
                        .asLong())
                .isEqualTo(68100 - 3750);
    }

    @Test
    void refundsThroughTheSimulatorAndOneThatFailsLater() {
        var h = ConnectorHouseholds.create(new Charge(D, 3000), new Charge(D.plusDays(1), 4000));
        GraphQLTestClient c = fresh(h);
        String paid = pay(c, 7000, "4242424242424242");
        assertThat(c.execute(REFUND, "id", paid, "a", 2000).hasErrors()).isFalse();
        awaitTx(c, paid, "refunded", t -> t.refundedCents() == 2000);
        assertThat(tx(c, paid).status()).isEqualTo(TransactionStatus.PARTIALLY_REFUNDED);
        String txId = PaymentTestKit.payment(c, paid).path("txId").asText();
        JsonNode adjustments = c.execute(RECEIPT, "tx", txId).data().at("/receipt/adjustments");
        assertThat(adjustments.get(0).path("kind").asText()).isEqualTo("REFUND");
        assertThat(c.execute(REFUND, "id", paid, "a", 5001).errorCode())
                .as("more than is refundable")
                .isEqualTo("BAD_USER_INPUT");

        var other = ConnectorHouseholds.create(new Charge(D, 6000));
        GraphQLTestClient o = fresh(other);
        String failing = pay(o, 6000, "4000 0000 0000 5126");
        o.execute(REFUND, "id", failing, "a", 2500);
        await(
                "the refund failed later",
                WAIT,
                () -> ConnectorHouseholds.value(
                                "SELECT count(*) FROM refunds r JOIN"
                                        + " transactions t ON t.id = r.transaction_id WHERE t.household_id = ? AND r.status = 'failed'",
                                other.id())
                        == 1);
        awaitTx(o, failing, "applied again", t -> t.refundedCents() == 0 && t.status() == TransactionStatus.SUCCEEDED);
        assertThat(ConnectorHouseholds.balance(other.chargeIds().get(0))).isZero();
    }

    @Test
    void disputesAndInquiriesThroughTheSimulator() {
        var h = ConnectorHouseholds.create(new Charge(D, 3000), new Charge(D.plusDays(1), 4000));
        GraphQLTestClient c = fresh(h);
        String fraud = pay(c, 7000, "4000 0000 0000 0259");
        awaitTx(c, fraud, "disputed", t -> t.status() == TransactionStatus.DISPUTED);
        assertThat(c.execute("{ household { charges(status: [DISPUTED]) { id } } }")
                        .data()
                        .at("/household/charges")
                        .size())
                .isEqualTo(2);
        assertThat(c.execute(REFUND, "id", fraud, "a", 100).errorCode()).isEqualTo("BAD_USER_INPUT");
        c.execute(EVIDENCE, "id", fraud, "e", "winning_evidence");
        awaitTx(c, fraud, "won", t -> t.status() == TransactionStatus.SUCCEEDED);
        assertThat(c.execute("{ household { charges { id } } }").data().at("/household/charges"))
                .isEmpty();

        var i = ConnectorHouseholds.create(new Charge(D, 5000));
        GraphQLTestClient ic = fresh(i);
        String inquiry = pay(ic, 5000, "4000 0000 0000 1976");
        await(
                "inquiry recorded",
                WAIT,
                () -> ConnectorHouseholds.value(
                                "SELECT count(*) FROM dispute_states d JOIN"
                                        + " transactions t ON t.id = d.transaction_id WHERE t.household_id = ?",
                                i.id())
                        == 1);
        assertThat(tx(ic, inquiry).status()).as("an inquiry moves no money").isEqualTo(TransactionStatus.SUCCEEDED);
        assertThat(ConnectorHouseholds.balance(i.chargeIds().get(0))).isZero();
        ic.execute(EVIDENCE, "id", inquiry, "e", "losing_evidence");
        awaitTx(ic, inquiry, "escalated", t -> t.status() == TransactionStatus.DISPUTED);

        var l = ConnectorHouseholds.create(new Charge(D, 4500));
        GraphQLTestClient lc = fresh(l);
        String lost = pay(lc, 4500, "4000000000002685");
        awaitTx(lc, lost, "disputed", t -> t.status() == TransactionStatus.DISPUTED);
        lc.execute(EVIDENCE, "id", lost, "e", "losing_evidence");
        awaitTx(lc, lost, "lost", t -> t.status() == TransactionStatus.DISPUTE_LOST);
        assertThat(lc.execute("{ household { balance { cents } } }")
                        .data()
                        .at("/household/balance/cents")
                        .asLong())
                .as("owed again")
                .isEqualTo(4500);
        assertThat(lc.execute(EVIDENCE, "id", lost, "e", "winning_evidence").errorCode())
                .isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void recentPaymentsListWhatIsUnderWayOrSucceededNewestFirst() {
        var h = ConnectorHouseholds.create(new Charge(D, 9000));
        GraphQLTestClient c = fresh(h);
        String paid = pay(c, 1000, "4242424242424242");
        String declined = pay(c, 1100, "4000000000000002");
        String open = PaymentTestKit.start(c, 1200); // a card form left open: not a payment under way
        JsonNode recent = c.execute("{ household { recentPayments { id status txId createdAt amount { cents } } } }")
                .data()
                .at("/household/recentPayments");
        List<String> ids = new ArrayList<>();
        recent.forEach(p -> ids.add(p.path("id").asText()));
        assertThat(ids).containsExactly(paid).doesNotContain(declined, open);
        assertThat(recent.get(0).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(recent.get(0).path("txId").asText()).isNotBlank();
        assertThat(recent.get(0).path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }
}

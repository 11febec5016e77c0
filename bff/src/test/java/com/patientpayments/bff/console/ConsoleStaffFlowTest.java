package com.patientpayments.bff.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.testsupport.Await;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.ConnectorHouseholds;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.TestBff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The staff side end to end on the real connector, Redis, queue and the simulated provider: sign-in with the second
 * factor and uniform failures, the lockout under concurrent guesses, and a refund from the console that posts only
 * through the provider's webhook events (pending first), is one refund per idempotency key, gives the patient the
 * amount to pay again, and leaves audit rows naming the staff member.
 */
class ConsoleStaffFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = "whsec_console_flow";

    @RegisterExtension
    static final TestBff BFF = TestBff.of(ConsoleStaffFlowTest.class)
            .with("payments.stripe.secret-key", "")
            .with("payments.webhook.secrets", SECRET)
            .with("payments.queue.name", "console-flow-" + UUID.randomUUID())
            .with("payments.queue.wait-time", "1s")
            .with("payments.reconciliation.enabled", "false")
            .with("payments.janitor.interval", "1h");

    @Test
    void theSecondFactorIsRequiredAndEveryFailureLooksTheSame() {
        GraphQLTestClient c = new GraphQLTestClient(BFF.url());
        JsonNode first = c.execute(
                        ConsoleTestKit.SIGN_IN, "e", ConsoleTestKit.BILLING, "p", ConsoleTestKit.PASSWORD, "o", null)
                .data()
                .path("staffSignIn");
        assertThat(first.path("ok").asBoolean()).isFalse();
        assertThat(first.path("otpRequired").asBoolean()).isTrue();
        assertThat(c.cookies()).doesNotContainKey("pp_staff");
        assertThat(c.execute("{ console { me { id } } }").data().path("console").isNull())
                .isTrue();

        String wrongPassword = message(c, ConsoleTestKit.BILLING, "not-the-password", null);
        String unknownEmail = message(c, "nobody@example.test", ConsoleTestKit.PASSWORD, null);
        String wrongCode = message(
                c,
                ConsoleTestKit.BILLING,
                ConsoleTestKit.PASSWORD,
                ConsoleTestKit.code(Instant.now().getEpochSecond() / 30 + 40));
        assertThat(wrongPassword).isNotBlank().isEqualTo(unknownEmail).isEqualTo(wrongCode);

        GraphQLTestClient billing = ConsoleTestKit.staff(BFF.url(), ConsoleTestKit.BILLING);
        assertThat(billing.cookies()).containsKey("pp_staff");
        assertThat(billing.execute("{ console { me { email memberships { role } } } }")
                        .data()
                        .at("/console/me/memberships/0/role")
                        .asText())
                .isEqualTo("BILLING");
        // The vendor's support cannot refund: no second factor asked.
        GraphQLTestClient support = new GraphQLTestClient(BFF.url());
        assertThat(support.execute(
                                ConsoleTestKit.SIGN_IN,
                                "e",
                                ConsoleTestKit.SUPPORT,
                                "p",
                                ConsoleTestKit.PASSWORD,
                                "o",
                                null)
                        .data()
                        .at("/staffSignIn/ok")
                        .asBoolean())
                .isTrue();
        assertThat(support.execute("mutation { staffSignOut }")
                        .data()
                        .path("staffSignOut")
                        .asBoolean())
                .isTrue();
        assertThat(support.execute("{ console { me { id } } }")
                        .data()
                        .path("console")
                        .isNull())
                .isTrue();
    }

    @Test
    void concurrentGuessesLockTheAccountAndTheRightPasswordThenFailsToo() throws Exception {
        String email = "admin@harbor-view.example";
        int guesses = 12;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                go.await();
                return new GraphQLTestClient(BFF.url())
                        .execute(ConsoleTestKit.SIGN_IN, "e", email, "p", "wrong-" + n, "o", null)
                        .data()
                        .path("staffSignIn");
            }));
        }
        go.countDown();
        for (Future<JsonNode> a : answers) {
            assertThat(a.get().path("ok").asBoolean()).isFalse();
        }
        pool.shutdown();
        // Locked: the right password and code fail the same way until the window ends.
        GraphQLTestClient c = new GraphQLTestClient(BFF.url());
        JsonNode locked = c.execute(
                        ConsoleTestKit.SIGN_IN, "e", email, "p", ConsoleTestKit.PASSWORD, "o", ConsoleTestKit.code())
                .data()
                .path("staffSignIn");
        assertThat(locked.path("ok").asBoolean()).isFalse();
        assertThat(locked.path("otpRequired").asBoolean()).isFalse();
        assertThat(c.cookies()).doesNotContainKey("pp_staff");
    }

    @Test
    void aRefundFromTheConsolePostsThroughTheWebhookPathOncePerKey() throws Exception {
        ConsoleTestKit.PracticeAdmin admin = ConsoleTestKit.practiceAdmin(BFF.url(), "refund", "Refund Tester");
        ConnectorHouseholds.Household h = admin.household();
        String practiceId = admin.practiceId();

        // The patient pays $25.00 with the simulated provider's test card.
        GraphQLTestClient patient = new GraphQLTestClient(BFF.url());
        assertThat(patient.execute(
                                BffTestSupport.SIGN_IN,
                                "h",
                                h.practiceHash(),
                                "a",
                                h.accountNumber(),
                                "l",
                                h.lastName())
                        .data()
                        .at("/signIn/ok")
                        .asBoolean())
                .isTrue();
        String paymentId = patient.execute("mutation { startPayment(amountCents: 2500) { paymentId } }")
                .data()
                .at("/startPayment/paymentId")
                .asText();
        patient.execute(
                "mutation($id: ID!) { confirmSimulatedPayment(paymentId: $id, cardNumber:"
                        + " \"4242424242424242\") { status } }",
                "id",
                paymentId);
        await(
                "payment posted",
                () -> !patient.execute("query($id: ID!) { payment(id: $id) { txId } }", "id", paymentId)
                        .data()
                        .at("/payment/txId")
                        .isNull());
        String txId = patient.execute("query($id: ID!) { payment(id: $id) { txId } }", "id", paymentId)
                .data()
                .at("/payment/txId")
                .asText();
        long owedBefore = balance(patient);

        // Staff find it by account number and refund $5.00.
        GraphQLTestClient staff = admin.client();
        JsonNode rows = staff.execute(
                        "query($p: ID!, $f: ConsolePaymentFilter) { console { practice(id: $p) {"
                                + " payments(filter: $f) { totalCount edges { node { transactionId amount { cents } } } } } } }",
                        "p",
                        practiceId,
                        "f",
                        Map.of("accountNumber", h.accountNumber()))
                .data()
                .at("/console/practice/payments");
        assertThat(rows.path("totalCount").asInt()).isEqualTo(1);
        assertThat(rows.at("/edges/0/node/transactionId").asText()).isEqualTo(txId);
        String refund = "mutation($tx: ID!, $k: String!) { refundPayment(transactionId: $tx, amountCents: 500,"
                + " reason: REQUESTED_BY_CUSTOMER, idempotencyKey: $k) { refundRequestId status amount { cents } } }";
        String key = UUID.randomUUID().toString();
        JsonNode asked = staff.execute(refund, "tx", txId, "k", key).data().path("refundPayment");
        assertThat(asked.path("status").asText()).isEqualTo("PENDING");
        assertThat(asked.at("/amount/cents").asLong()).isEqualTo(500);

        String detail = "query($p: ID!, $tx: ID!) { console { practice(id: $p) { payment(transactionId: $tx) {"
                + " refunded { cents } refundable { cents } timeline { kind status amount { cents } }"
                + " auditTrail { action actor } } } } }";
        await(
                "refund posted by the webhook path",
                () -> staff.execute(detail, "p", practiceId, "tx", txId)
                                .data()
                                .at("/console/practice/payment/refunded/cents")
                                .asLong()
                        == 500);
        JsonNode payment =
                staff.execute(detail, "p", practiceId, "tx", txId).data().at("/console/practice/payment");
        assertThat(payment.path("timeline")).anySatisfy(a -> {
            assertThat(a.path("kind").asText()).isEqualTo("REFUND");
            assertThat(a.path("status").asText()).isEqualTo("SUCCEEDED");
        });
        assertThat(payment.path("timeline"))
                .noneSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("PENDING"));
        assertThat(payment.at("/refundable/cents").asLong()).isEqualTo(2000);
        List<String> audit = new ArrayList<>();
        payment.path("auditTrail")
                .forEach(a -> audit.add(
                        a.path("action").asText() + ":" + a.path("actor").asText()));
        assertThat(audit).contains("REFUND_REQUESTED:Refund Tester", "VIEW_PAYMENT:Refund Tester");

        // The same key again is the same refund: nothing more is refunded.
        JsonNode again = staff.execute(refund, "tx", txId, "k", key).data().path("refundPayment");
        assertThat(again.path("refundRequestId").asText())
                .isEqualTo(asked.path("refundRequestId").asText());
        assertThat(rowsOf("refund_requests", txId)).isEqualTo(1);
        assertThat(rowsOf("refunds", txId)).isEqualTo(1);
        // The patient owes the $5.00 again.
        await("balance shows the refund", () -> balance(patient) == owedBefore + 500);

        // Branding: a draft shows in the staff's preview only; patients' receipts print it once published.
        String signature =
                "Received with thanks " + UUID.randomUUID().toString().substring(0, 8);
        staff.execute(
                "mutation($p: ID!, $s: String!) { saveReceiptBrandingDraft(practiceId: $p, input:"
                        + " { signatureText: $s }) { draft { signatureText } } }",
                "p",
                practiceId,
                "s",
                signature);
        String preview = staff.execute(
                        "mutation($p: ID!, $tx: ID) { previewReceiptBranding(practiceId: $p,"
                                + " transactionId: $tx) { url } }",
                        "p",
                        practiceId,
                        "tx",
                        txId)
                .data()
                .at("/previewReceiptBranding/url")
                .asText();
        assertThat(pdfText(staff, preview)).contains(signature);
        assertThat(pdfText(patient, patientReceipt(patient, txId))).doesNotContain(signature);
        var published = staff.execute(
                "mutation($p: ID!) { publishReceiptBranding(practiceId: $p) { published { signatureText } } }",
                "p",
                practiceId);
        assertThat(published
                        .data()
                        .at("/publishReceiptBranding/published/signatureText")
                        .asText())
                .as(published.raw())
                .isEqualTo(signature);
        assertThat(pdfText(patient, patientReceipt(patient, txId))).contains(signature);
        String staffReceipt = staff.execute(
                        "query($p: ID!, $tx: ID!) { console { practice(id: $p) {"
                                + " receiptPdf(transactionId: $tx) { url } } } }",
                        "p",
                        practiceId,
                        "tx",
                        txId)
                .data()
                .at("/console/practice/receiptPdf/url")
                .asText();
        assertThat(pdfText(staff, staffReceipt)).contains(signature);
    }

    private static String patientReceipt(GraphQLTestClient patient, String txId) {
        return patient.execute("mutation($tx: ID!) { downloadReceipt(txId: $tx) { url } }", "tx", txId)
                .data()
                .at("/downloadReceipt/url")
                .asText();
    }

    private static String pdfText(GraphQLTestClient c, String path) throws Exception {
        byte[] pdf = c.sendBytes(
                java.net.http.HttpRequest.newBuilder(BFF.url().toURI().resolve(path))
                        .GET());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static String message(GraphQLTestClient c, String email, String password, String otp) {
        JsonNode r = c.execute(ConsoleTestKit.SIGN_IN, "e", email, "p", password, "o", otp)
                .data()
                .path("staffSignIn");
        assertThat(r.path("ok").asBoolean()).isFalse();
        assertThat(r.path("otpRequired").asBoolean()).isFalse();
        return r.path("message").asText();
    }

    private static long balance(GraphQLTestClient patient) {
        return patient.execute("{ household { balance { cents } } }")
                .data()
                .at("/household/balance/cents")
                .asLong();
    }

    private static long rowsOf(String table, String txId) {
        return ConnectorHouseholds.value(
                "SELECT COUNT(*) FROM " + table + " WHERE transaction_id = ?", UUID.fromString(txId));
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, WAIT, Duration.ofMillis(200), condition);
    }
}

package com.patientpayments.bff.payment;

import static com.patientpayments.bff.payment.PaymentTestKit.await;
import static com.patientpayments.bff.payment.PaymentTestKit.status;
import static com.patientpayments.bff.payment.PaymentTestKit.transactionCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.TestBff;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo's SIMULATED provider (no Stripe key, embedded queue): test cards drive signed Stripe-format events
 * through the production webhook path to the real connector.
 */
class SimulatedPaymentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CONFIRM =
            "mutation($id: ID!, $card: String!) { confirmSimulatedPayment(paymentId: $id, "
                    + "cardNumber: $card) { id status } }";

    @RegisterExtension
    static final TestBff BFF = TestBff.of(SimulatedPaymentTest.class)
            .with("payments.stripe.secret-key", "")
            .with("payments.webhook.secrets", PaymentTestKit.SECRET)
            .with("payments.queue.name", "sim-" + UUID.randomUUID())
            .with("payments.queue.wait-time", "1s")
            .with("payments.reconciliation.enabled", "false");

    private static GraphQLTestClient patient;

    @BeforeAll
    static void signIn() {
        // Build the GraphQL schema and every feature bean now, not inside the first request's HTTP timeout.
        BFF.server().getApplicationContext().getBean(graphql.GraphQL.class);
        patient = PaymentTestKit.signedIn(BFF.url());
    }

    @Test
    void testCardSucceedsThroughTheSignedWebhookAndIsPostedOnce() {
        var started = PaymentTestKit.startPayment(
                        patient, 160, UUID.randomUUID().toString())
                .data()
                .path("startPayment");
        assertThat(started.path("provider").asText()).isEqualTo("SIMULATED");
        String paymentId = started.path("paymentId").asText();
        String secret = started.path("clientSecret").asText();
        assertThat(secret).matches("pi_[A-Za-z0-9]+_secret_[A-Za-z0-9]+");
        String intentId = secret.substring(0, secret.indexOf("_secret_"));

        JsonNode confirmed = patient.execute(CONFIRM, "id", paymentId, "card", "4242 4242 4242 4242")
                .data()
                .path("confirmSimulatedPayment");
        assertThat(confirmed.path("id").asText()).isEqualTo(paymentId);
        await("payment posted", WAIT, () -> "SUCCEEDED".equals(status(patient, paymentId)));
        assertThat(PaymentTestKit.payment(patient, paymentId).path("txId").asText())
                .isNotBlank();
        assertThat(transactionCount(intentId)).isEqualTo(1);
        String tx = PaymentTestKit.connectorGet("/api/v1/transactions/by-reference/" + intentId);
        assertThat(tx).contains("\"methodBrand\":\"VISA\"").contains("\"methodLast4\":\"4242\"");

        // Confirming again changes nothing.
        patient.execute(CONFIRM, "id", paymentId, "card", "4242424242424242");
        assertThat(transactionCount(intentId)).isEqualTo(1);
    }

    @Test
    void declinedCardsFailWithAPatientReadableReason() {
        String declined = PaymentTestKit.start(patient, 170);
        patient.execute(CONFIRM, "id", declined, "card", "4000000000000002");
        await("declined", WAIT, () -> "FAILED".equals(status(patient, declined)));
        JsonNode payment = PaymentTestKit.payment(patient, declined);
        assertThat(payment.path("failureCode").asText()).isEqualTo("card_declined");
        assertThat(payment.path("failureReason").asText()).isEqualTo("Your card was declined.");

        String poor = PaymentTestKit.start(patient, 180);
        patient.execute(CONFIRM, "id", poor, "card", "4000 0000 0000 9995");
        await("insufficient funds", WAIT, () -> "FAILED".equals(status(patient, poor)));
        assertThat(PaymentTestKit.payment(patient, poor).path("failureCode").asText())
                .isEqualTo("insufficient_funds");

        assertThat(patient.execute(CONFIRM, "id", poor, "card", "1234 5678").errorCode())
                .isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void aCorrectlySignedEventFromAnyoneWithTheSecretIsProcessedLikeTheSimulators() {
        var started = PaymentTestKit.startPayment(
                        patient, 190, UUID.randomUUID().toString())
                .data()
                .path("startPayment");
        String paymentId = started.path("paymentId").asText();
        String secret = started.path("clientSecret").asText();
        String intentId = secret.substring(0, secret.indexOf("_secret_"));
        String event = "{\"id\":\"evt_external" + UUID.randomUUID().toString().replace("-", "")
                + "\",\"object\":\"event\","
                + "\"api_version\":\"2024-06-20\",\"created\":" + Instant.now().getEpochSecond() + ","
                + "\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"" + intentId + "\","
                + "\"object\":\"payment_intent\",\"amount\":190,\"amount_received\":190,\"currency\":\"usd\","
                + "\"status\":\"succeeded\",\"created\":" + Instant.now().getEpochSecond() + "}}}";
        assertThat(PaymentTestKit.deliver(
                        BFF.url(),
                        event,
                        StripeSignatureVerifier.header(
                                event, PaymentTestKit.SECRET, Instant.now().getEpochSecond())))
                .isEqualTo(200);
        await("posted", WAIT, () -> "SUCCEEDED".equals(status(patient, paymentId)));
        assertThat(transactionCount(intentId)).isEqualTo(1);
    }
}

package com.patientpayments.bff.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.testsupport.Await;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.ConnectorHouseholds;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Helpers of the payment fault tests: signed webhook delivery, GraphQL payment calls, ledger inspection, polling. */
final class PaymentTestKit {

    static final String PRACTICE = "HR9T3W";
    static final String ACCOUNT = "200100";
    static final String LAST_NAME = "Nguyen-Smith";
    static final String SECRET = "whsec_fault_tests";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PaymentTestKit() {}

    static GraphQLTestClient signedIn(java.net.URL server) {
        return BffTestSupport.signedIn(server, PRACTICE, ACCOUNT, LAST_NAME);
    }

    static GraphQLTestClient.Result startPayment(GraphQLTestClient client, long cents, String key) {
        return client.execute(
                "mutation($a: Int!, $k: String) { startPayment(amountCents: $a, idempotencyKey: $k) "
                        + "{ paymentId provider clientSecret amount { cents } stripeAccount } }",
                "a",
                cents,
                "k",
                key);
    }

    /** Starts a payment and answers its id. */
    static String start(GraphQLTestClient client, long cents) {
        var result = startPayment(client, cents, UUID.randomUUID().toString());
        String id = result.data().path("startPayment").path("paymentId").asText(null);
        if (id == null) {
            throw new IllegalStateException("startPayment failed: " + result.raw());
        }
        return id;
    }

    static JsonNode payment(GraphQLTestClient client, String paymentId) {
        return client.execute(
                        "query($id: ID!) { payment(id: $id) { id status txId failureCode failureReason "
                                + "amount { cents } } }",
                        "id",
                        paymentId)
                .data()
                .path("payment");
    }

    static String status(GraphQLTestClient client, String paymentId) {
        return payment(client, paymentId).path("status").asText();
    }

    static int deliver(java.net.URL server, String eventJson) {
        return deliver(
                server,
                eventJson,
                StripeSignatureVerifier.header(eventJson, SECRET, Instant.now().getEpochSecond()));
    }

    static int deliver(java.net.URL server, String body, String signature) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/webhooks/stripe"))
                    .header("Content-Type", "application/json")
                    .header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows in the connector's ledger for a provider reference. */
    static int transactionCount(String providerReference) {
        return ConnectorHouseholds.transactionCount(providerReference);
    }

    /** The connector's raw JSON for a GET path (with the service credential). */
    static String connectorGet(String path) {
        EmrConnectorProcess emr = EmrConnectorProcess.shared();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(emr.url() + path))
                    .header("X-Api-Key", emr.apiKey())
                    .GET()
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the condition holds (no fixed sleeps as assertions). */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Await.until(what, timeout, Duration.ofMillis(50), condition);
    }
}

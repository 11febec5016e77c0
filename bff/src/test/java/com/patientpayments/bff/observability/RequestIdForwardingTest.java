package com.patientpayments.bff.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.TestBff;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request can be followed from the BFF's log to the connector's: the id the BFF gives a GraphQL request (the
 * caller's {@code X-Request-Id} when sane) is the id of the connector calls it makes, in the connector's log lines and
 * echoed back by the BFF.
 */
class RequestIdForwardingTest {

    @RegisterExtension
    static final TestBff BFF = TestBff.of(RequestIdForwardingTest.class);

    @Test
    void theBffRequestIdArrivesInTheConnectorLog() throws Exception {
        String id = "trace-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        GraphQLTestClient client = new GraphQLTestClient(BFF.url());
        String body = "{\"query\":\"query($h: ID!) { practice(hash: $h) { name } }\",\"variables\":{\"h\":\""
                + BffTestSupport.OTHER_PRACTICE + "\"}}";
        var response = client.send(HttpRequest.newBuilder(BFF.uri().resolve("/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", id)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("x-request-id")).containsExactly(id);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        boolean found = false;
        while (!found && System.nanoTime() < deadline) {
            found = EmrConnectorProcess.shared()
                    .log()
                    .lines()
                    .anyMatch(l -> l.contains("\"requestId\":\"" + id + "\"")
                            && l.contains("GET /api/v1/practices/by-hash/" + BffTestSupport.OTHER_PRACTICE));
            Thread.sleep(100);
        }
        assertThat(found).as("the connector logged the BFF's request id").isTrue();
    }

    @Test
    void theQueueConsumersOwnIdArrivesInTheConnectorLog() throws Exception {
        int before = EmrConnectorProcess.shared().log().length();
        String intent =
                "pi_trace" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long now = java.time.Instant.now().getEpochSecond();
        String event =
                "{\"id\":\"evt_trace" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                        + "\"api_version\":\"" + com.stripe.Stripe.API_VERSION + "\",\"created\":" + now + ","
                        + "\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"" + intent + "\","
                        + "\"object\":\"payment_intent\",\"amount\":100,\"amount_received\":100,\"currency\":\"usd\","
                        + "\"status\":\"succeeded\",\"created\":" + now + "}}}";
        var response = new GraphQLTestClient(BFF.url())
                .send(HttpRequest.newBuilder(BFF.uri().resolve("/webhooks/stripe"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header(
                                "Stripe-Signature",
                                com.patientpayments.bff.payment.StripeSignatureVerifier.header(
                                        event,
                                        BFF.server()
                                                .getApplicationContext()
                                                .getRequiredProperty("payments.webhook.secrets", String.class)
                                                .split(",")[0],
                                        now))
                        .POST(HttpRequest.BodyPublishers.ofString(event)));
        assertThat(response.status()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean found = false;
        while (!found && System.nanoTime() < deadline) {
            found = EmrConnectorProcess.shared()
                    .log()
                    .substring(before)
                    .lines()
                    .anyMatch(l -> l.contains("\"requestId\":\"sqs-") && l.contains("POST /api/v1/transactions"));
            Thread.sleep(100);
        }
        assertThat(found)
                .as("the consumer's sqs-<messageId> id reached the connector")
                .isTrue();
    }
}

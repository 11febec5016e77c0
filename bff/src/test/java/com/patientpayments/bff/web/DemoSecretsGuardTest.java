package com.patientpayments.bff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.patientpayments.bff.receipt.MintAdminToken;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * README "Secrets": a documented demo value is public. Outside the embedded demo, a secret the BFF needs stops the
 * start (message names the variable, never the value) and the optional feature a secret guards is off; inside the
 * demo both work.
 */
class DemoSecretsGuardTest {

    private static final String PREVIEW = "query($h: ID!) { receiptPreview(practiceHash: $h) { url } }";

    private static Map<String, Object> props(Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(BffTestSupport.properties(DemoSecretsGuardTest.class));
        p.putAll(extra);
        return p;
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append('\n');
        }
        return b.toString();
    }

    @Test
    void outsideTheDemoTheDemoWebhookSecretStopsTheStart() {
        Throwable e = catchThrowable(() -> ApplicationContext.run(
                        EmbeddedServer.class,
                        props(Map.of("payments.webhook.secrets", DemoSecretsGuard.DEMO_WEBHOOK_SECRET)))
                .close());
        assertThat(messages(e)).contains("STRIPE_WEBHOOK_SECRET").doesNotContain(DemoSecretsGuard.DEMO_WEBHOOK_SECRET);
    }

    @Test
    void outsideTheDemoTheDemoConnectorKeyStopsTheStart() {
        Throwable e = catchThrowable(() -> ApplicationContext.run(
                        EmbeddedServer.class, props(Map.of("payments.emr.api-key", DemoSecretsGuard.DEMO_EMR_API_KEY)))
                .close());
        assertThat(messages(e)).contains("EMR_API_KEY").doesNotContain(DemoSecretsGuard.DEMO_EMR_API_KEY);
    }

    @Test
    void outsideTheDemoAdminTokensSignedWithTheDemoKeyAreRefusedAndPreviewsAreOff() throws Exception {
        // The production-mode attack: no STRIPE_SECRET_KEY, Secure cookies, dev tools off.
        try (EmbeddedServer server = ApplicationContext.run(
                EmbeddedServer.class,
                props(Map.of("payments.session.cookie-secure", "true", "payments.graphql.dev-tools", "false")))) {
            GraphQLTestClient.Result r = preview(server);
            assertThat(r.errorCode()).as(r.raw()).isEqualTo("FORBIDDEN");
            assertThat(r.raw()).contains("not enabled").doesNotContain("/receipts/download/");
        }
    }

    @Test
    void inTheEmbeddedDemoTheDemoSecretsWork() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(
                EmbeddedServer.class,
                props(Map.of(
                        "payments.embedded",
                        "true",
                        "payments.webhook.secrets",
                        DemoSecretsGuard.DEMO_WEBHOOK_SECRET)))) {
            GraphQLTestClient.Result r = preview(server);
            assertThat(r.hasErrors()).as(r.raw()).isFalse();
            assertThat(r.data().at("/receiptPreview/url").asText()).contains("/receipts/download/");
        }
    }

    @Test
    void aRealProviderStillRefusesTheInProcessStandIns() {
        assertThat(DemoSecretsGuard.problems(false, true, List.of("whsec_real"), "k-real", "", null))
                .hasSize(2)
                .anyMatch(p -> p.contains("SES_ENDPOINT"))
                .anyMatch(p -> p.contains("SQS_ENDPOINT"));
        assertThat(DemoSecretsGuard.problems(
                        false,
                        true,
                        List.of("whsec_real"),
                        "k-real",
                        "https://email.us-east-1.amazonaws.com",
                        "https://sqs.us-east-1.amazonaws.com"))
                .isEmpty();
    }

    private static GraphQLTestClient.Result preview(EmbeddedServer server) throws Exception {
        String token = MintAdminToken.mint(
                MintAdminToken.DEMO_SECRET, BffTestSupport.PRACTICE, "admin@x", Duration.ofMinutes(5));
        String body = "{\"query\":\"" + PREVIEW.replace("\"", "\\\"") + "\",\"variables\":{\"h\":\""
                + BffTestSupport.PRACTICE + "\"}}";
        return new GraphQLTestClient(server.getURL())
                .send(HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}

package com.patientpayments.bff.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.patientpayments.bff.demo.StandInBeans;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which Stripe the BFF's context talks to: the configured key; without one the demo's stand-in (mode
 * {@code SIMULATED}); and, as in the production jar, which holds no stand-in, no start at all without a key.
 */
class StripeEndpointTest {

    private static final String REFUSAL = "STRIPE_SECRET_KEY is not set and this jar has no Stripe stand-in";

    /** Outside services pointed at closed ports: the context only has to be built, not to serve. */
    private static Map<String, Object> properties(String stripeKey) {
        Map<String, Object> p = new HashMap<>();
        p.put("payments.stripe.secret-key", stripeKey);
        p.put("payments.webhook.secrets", "whsec_endpoint_test");
        p.put("payments.emr.api-key", "endpoint-test-key");
        p.put("payments.email.ses-endpoint", "http://127.0.0.1:9");
        p.put("payments.queue.endpoint", "http://127.0.0.1:9");
        p.put("payments.redis.uri", "redis://127.0.0.1:6379");
        p.put("payments.redis.key-prefix", "t:StripeEndpointTest:");
        p.put("micronaut.http.services.emr.urls", "http://127.0.0.1:9");
        return p;
    }

    /** This test classpath as the production jar sees it: the stand-ins' module (demo/bff-standins) hidden. */
    private static ClassLoader withoutStandIns() {
        String standIns = StandInBeans.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        return new ClassLoader(StripeEndpointTest.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> kept = Collections.list(super.getResources(name)).stream()
                        .filter(u -> !u.toString().contains(standIns))
                        .toList();
                return Collections.enumeration(kept);
            }
        };
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} with {1}: starts {2}")
    @org.junit.jupiter.params.provider.CsvSource({
        "sk_live_x, http://127.0.0.1:12111, false",
        "rk_live_x, https://stripe.example, false",
        "sk_live_x, https://api.stripe.com.example, false",
        "sk_live_x, https://api.stripe.com, true",
        "sk_test_x, http://127.0.0.1:12111, true",
    })
    void aLiveKeyIsSentOnlyToStripe(String key, String apiBase, boolean starts) {
        Map<String, Object> p = properties(key);
        p.put("payments.stripe.api-base", apiBase);
        io.micronaut.context.ApplicationContextBuilder builder =
                ApplicationContext.builder().classLoader(withoutStandIns()).properties(p);
        if (starts) {
            try (ApplicationContext context = builder.start()) {
                assertThat(context.getBean(StripeEndpoint.class).apiBase()).isEqualTo(apiBase);
            }
        } else {
            assertThatThrownBy(() -> builder.start().close())
                    .hasStackTraceContaining("a live key is sent only to Stripe")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(key));
        }
    }

    @Test
    void withoutAKeyOrAStandInTheBffRefusesToStart() {
        assertThatThrownBy(() -> ApplicationContext.builder()
                        .classLoader(withoutStandIns())
                        .properties(properties(""))
                        .start()
                        .close())
                .hasStackTraceContaining(REFUSAL)
                .hasStackTraceContaining("set STRIPE_SECRET_KEY");
    }

    @Test
    void withoutAKeyTheStandInIsUsedInSimulatedModeAndAKeyWinsOverIt() {
        try (ApplicationContext context =
                ApplicationContext.builder().properties(properties("")).start()) {
            StripeEndpoint endpoint = context.getBean(StripeEndpoint.class);
            assertThat(endpoint.standIn()).isTrue();
            assertThat(endpoint.secretKey()).startsWith("sk_test_");
            assertThat(endpoint.apiBase()).startsWith("http://127.0.0.1:").doesNotContain("@");
            PaymentProvider provider = context.getBean(PaymentProvider.class);
            assertThat(provider.name()).isEqualTo("SIMULATED");
            assertThat(provider.testModeControls()).isPresent();
        }
        try (ApplicationContext context = ApplicationContext.builder()
                .classLoader(withoutStandIns())
                .properties(properties("sk_test_configured"))
                .start()) {
            StripeEndpoint endpoint = context.getBean(StripeEndpoint.class);
            assertThat(endpoint.standIn()).isFalse();
            assertThat(endpoint.secretKey()).isEqualTo("sk_test_configured");
            PaymentProvider provider = context.getBean(PaymentProvider.class);
            assertThat(provider.name()).isEqualTo("STRIPE");
            assertThat(provider.testModeControls()).isEmpty();
        }
    }
}

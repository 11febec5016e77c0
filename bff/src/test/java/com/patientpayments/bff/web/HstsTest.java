package com.patientpayments.bff.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With Secure cookies (HTTPS) every response carries HSTS for at least a year with subdomains; plain http none. */
class HstsTest {

    private static EmbeddedServer bff(boolean secure) {
        Map<String, Object> p = new HashMap<>(BffTestSupport.properties(HstsTest.class));
        p.put("payments.session.cookie-secure", Boolean.toString(secure));
        return ApplicationContext.run(EmbeddedServer.class, p);
    }

    private static List<GraphQLTestClient.Result> everyKindOfResponse(EmbeddedServer server) {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        GraphQLTestClient m = new GraphQLTestClient(BffTestSupport.managementUrl(server));
        return List.of(
                c.execute("{ __typename }"),
                c.get("/health"),
                c.get("/health/readiness"),
                c.get("/no-such-file"),
                c.get("/graphql"),
                c.post("/graphql", "{", "application/json"),
                c.post("/graphql", "{}", "text/plain"),
                c.get("/p/K7MX4Q"),
                c.post("/webhooks/stripe", "{}", "application/json"),
                m.get("/prometheus"));
    }

    @Test
    void secureCookiesMeanHstsOnEveryResponse() {
        try (EmbeddedServer server = bff(true)) {
            for (GraphQLTestClient.Result r : everyKindOfResponse(server)) {
                String hsts = r.headers()
                        .getOrDefault("strict-transport-security", List.of(""))
                        .get(0);
                assertThat(hsts).as(r.status() + " " + r.raw()).contains("includeSubDomains");
                long maxAge = Long.parseLong(hsts.replaceAll(".*max-age=(\\d+).*", "$1"));
                assertThat(maxAge).isGreaterThanOrEqualTo(31_536_000L);
            }
        }
    }

    @Test
    void plainHttpRunsSendNoHsts() {
        try (EmbeddedServer server = bff(false)) {
            for (GraphQLTestClient.Result r : everyKindOfResponse(server)) {
                assertThat(r.headers()).doesNotContainKey("strict-transport-security");
            }
        }
    }
}

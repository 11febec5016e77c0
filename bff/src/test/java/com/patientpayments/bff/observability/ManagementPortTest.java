package com.patientpayments.bff.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestProperties;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.lettuce.core.RedisClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Management endpoints only on the management port; the public port answers {@code /health} and
 * {@code /health/liveness} (liveness: the container health check of bff/Dockerfile and infra/ reads the latter) and
 * {@code /health/readiness} with a bare status, and nothing else of the management set.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortTest implements BffTestProperties {

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Test
    void metricsAreServedOnTheManagementPortOnly() {
        GraphQLTestClient pub = new GraphQLTestClient(server.getURL());
        GraphQLTestClient mgmt = new GraphQLTestClient(BffTestSupport.managementUrl(server));
        pub.execute("query Practice($h: ID!) { practice(hash: $h) { name } }", "h", BffTestSupport.PRACTICE);
        for (String path : new String[] {
            "/prometheus",
            "/metrics",
            "/beans",
            "/env",
            "/loggers",
            "/routes",
            "/threaddump",
            "/info",
            "/health/details",
            "/health/liveness/details"
        }) {
            GraphQLTestClient.Result r = pub.get(path);
            assertThat(r.status()).as(path).isIn(404, 405);
            assertThat(r.raw()).as(path).doesNotContain("pp_funnel").doesNotContain("jvm_");
        }
        assertThat(mgmt.get("/prometheus").raw()).contains("pp_funnel_total").contains("jvm_memory");
    }

    /**
     * micronaut-security's request filter is off (no route is protected at that layer; application.yml), and it was
     * what kept micronaut-management's sensitive endpoints closed: so none is enabled, on either port. The management
     * port answers health and prometheus only.
     */
    @Test
    void theManagementPortServesHealthAndPrometheusOnly() {
        assertThat(context.getBeansOfType(io.micronaut.security.filters.SecurityFilter.class))
                .isEmpty();
        GraphQLTestClient mgmt = new GraphQLTestClient(BffTestSupport.managementUrl(server));
        for (String path :
                new String[] {"/beans", "/env", "/loggers", "/routes", "/threaddump", "/info", "/caches", "/metrics"}) {
            GraphQLTestClient.Result r = mgmt.get(path);
            assertThat(r.status()).as(path).isIn(404, 405);
            assertThat(r.raw()).as(path).doesNotContain("jvm").doesNotContain("com.patientpayments");
        }
        for (String path : new String[] {"/stop", "/refresh", "/loggers/ROOT"}) {
            assertThat(mgmt.post(path, "{}", "application/json").status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(mgmt.get("/health").status()).isEqualTo(200);
        assertThat(mgmt.get("/prometheus").status()).isEqualTo(200);
    }

    @Test
    void thePublicPortAnswersLivenessAndReadinessWithoutDetails() {
        GraphQLTestClient pub = new GraphQLTestClient(server.getURL());
        GraphQLTestClient.Result live = pub.get("/health");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().toString()).isEqualTo("{\"status\":\"UP\"}");
        GraphQLTestClient.Result liveness = pub.get("/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().toString()).isEqualTo("{\"status\":\"UP\"}");
        GraphQLTestClient.Result ready = pub.get("/health/readiness");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().toString()).isEqualTo("{\"status\":\"UP\"}");
        GraphQLTestClient mgmt = new GraphQLTestClient(BffTestSupport.managementUrl(server));
        assertThat(mgmt.get("/health").status()).isEqualTo(200);
        // Micronaut's separate liveness and readiness endpoints on the management port.
        assertThat(mgmt.get("/health/liveness").status()).isEqualTo(200);
        assertThat(mgmt.get("/health/readiness").status()).isEqualTo(200);
    }

    /**
     * micronaut-redis-lettuce's client is the BFF's (redis.RedisStore connects with it), but its readiness indicator
     * is off: the BFF serves with Redis down, so Redis is no readiness condition, and the indicator opened a new
     * connection per probe (application.yml {@code redis.health.enabled}).
     */
    @Test
    void readinessHasNoRedisIndicatorOfALibrary() {
        assertThat(context.getBeansOfType(RedisClient.class)).hasSize(1);
        assertThat(context.getBeansOfType(HealthIndicator.class))
                .extracting(b -> b.getClass().getName())
                .isNotEmpty()
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("redis"));
    }
}

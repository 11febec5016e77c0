package com.patientpayments.bff.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code practice(hash)} against hash enumeration: unknown hashes use up a per-address allowance (5 here), checked
 * before the connector is asked, so 40 simultaneous guesses get at most 5 answers; a patient reloading a real landing
 * page never uses it up.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeLookupLimitTest implements TestPropertyProvider {

    private static final String PRACTICE = "query P($h: ID!) { practice(hash: $h) { name } }";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(BffTestSupport.properties(getClass()));
        p.put("payments.practice.max-lookup-misses", "5");
        p.put("payments.http.trusted-proxies", "127.0.0.1");
        return p;
    }

    private GraphQLTestClient.Result lookup(String hash, String forwardedFor) {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        String body = "{\"query\":\"" + PRACTICE.replace("\"", "\\\"") + "\",\"variables\":{\"h\":\"" + hash + "\"}}";
        return c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/graphql"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aPatientReloadingTheLandingPageNeverNotices() {
        for (int i = 0; i < 60; i++) {
            JsonNode data = lookup(BffTestSupport.PRACTICE, "198.51.100.1").data();
            assertThat(data.at("/practice/name").asText()).isEqualTo("Bright Smiles Dental");
        }
    }

    @Test
    void simultaneousGuessesOfUnknownHashesGetAtMostTheAllowanceOfAnswers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<GraphQLTestClient.Result>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String hash = "ZZ" + (1000 + i);
                results.add(pool.submit(() -> {
                    go.await();
                    return lookup(hash, "198.51.100.2");
                }));
            }
            go.countDown();
            int answered = 0;
            int limited = 0;
            for (Future<GraphQLTestClient.Result> f : results) {
                GraphQLTestClient.Result r = f.get();
                assertThat(r.status()).isEqualTo(200);
                if (r.hasErrors()) {
                    assertThat(r.json().at("/errors/0/extensions/code").asText())
                            .isEqualTo("RATE_LIMITED");
                    assertThat(r.json().at("/errors/0/extensions/retryable").asBoolean())
                            .isTrue();
                    limited++;
                } else {
                    assertThat(r.data().get("practice").isNull()).isTrue();
                    answered++;
                }
            }
            assertThat(answered).isEqualTo(5);
            assertThat(limited).isEqualTo(35);
        } finally {
            pool.shutdownNow();
        }
        // That address is now refused even for a real hash; another patient behind the same proxy is not.
        assertThat(lookup(BffTestSupport.PRACTICE, "198.51.100.2")
                        .json()
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("RATE_LIMITED");
        assertThat(lookup(BffTestSupport.PRACTICE, "198.51.100.3")
                        .data()
                        .at("/practice/name")
                        .asText())
                .isEqualTo("Bright Smiles Dental");
    }
}

package com.patientpayments.bff.web;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.GraphQLTestClient.Result;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SPA build is served with an index.html fallback for /p/** client routes; API paths are untouched. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpaServingTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dist = Files.createTempDirectory("spa-dist");
            Files.writeString(dist.resolve("index.html"), "<!doctype html><title>Pay</title><app-root></app-root>");
            Files.writeString(dist.resolve("main-ABC.js"), "console.log('app')");
            Map<String, String> p = new HashMap<>(BffTestSupport.properties(getClass()));
            p.put("payments.spa.dist-dir", dist.toString());
            p.put("micronaut.router.static-resources.spa.paths", "file:" + dist);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void clientRoutesGetIndexHtmlAndAssetsAreServed() {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        for (String route : new String[]{"/p/K7MX4Q", "/p/K7MX4Q/charges", "/p/K7MX4Q/receipt/abc"}) {
            Result r = c.get(route);
            assertThat(r.status()).as(route).isEqualTo(200);
            assertThat(r.raw()).contains("<app-root>");
            assertThat(r.header("Content-Type")).startsWith("text/html");
            assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
        assertThat(c.get("/main-ABC.js").raw()).contains("console.log");
        assertThat(c.get("/graphql").status()).isEqualTo(405);
        assertThat(c.get("/health").raw()).contains("UP");
        assertThat(c.get("/prometheus").raw()).doesNotContain("<app-root>");
    }
}

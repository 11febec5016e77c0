package com.patientpayments.bff.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.GraphQLTestClient.Result;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
            Files.writeString(dist.resolve("main-ABCD1234.js"), "console.log('hashed')");
            try (var gz = new GZIPOutputStream(Files.newOutputStream(dist.resolve("main-ABCD1234.js.gz")))) {
                gz.write("console.log('hashed')".getBytes(StandardCharsets.UTF_8));
            }
            Files.writeString(dist.resolve("styles-WXYZ9876.css"), "body{margin:0}");
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
        for (String route : new String[] {"/p/K7MX4Q", "/p/K7MX4Q/charges", "/p/K7MX4Q/receipt/abc"}) {
            Result r = c.get(route);
            assertThat(r.status()).as(route).isEqualTo(200);
            assertThat(r.raw()).contains("<app-root>");
            assertThat(r.header("Content-Type")).startsWith("text/html");
            assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
        assertThat(c.get("/main-ABC.js").raw()).contains("console.log");
        assertThat(c.get("/graphql").status()).isEqualTo(405);
        assertThat(c.get("/health").raw()).contains("UP");
        assertThat(c.get("/prometheus").raw()).doesNotContain("<app-root>").doesNotContain("jvm_");
    }

    @Test
    void hashedAssetsAreImmutableAndServedFromTheirGzipTwin() throws IOException {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        Result gzipped = c.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/main-ABCD1234.js"))
                .header("Accept-Encoding", "gzip, deflate, br")
                .GET());
        assertThat(gzipped.status()).isEqualTo(200);
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.header("Content-Type")).startsWith("text/javascript");
        assertThat(gzipped.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(gzipped.header("Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(gzipped.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(gzipped.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(gzipped.header("X-Request-Id")).isNotBlank();
        byte[] body = c.sendBytes(HttpRequest.newBuilder(URI.create(server.getURL() + "/main-ABCD1234.js"))
                .header("Accept-Encoding", "gzip")
                .GET());
        try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("console.log('hashed')");
        }

        // No gzip accepted, or no twin: the file itself, still immutable; index.html and other files never stored.
        Result plain = c.get("/main-ABCD1234.js");
        assertThat(plain.raw()).isEqualTo("console.log('hashed')");
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        Result css = c.get("/styles-WXYZ9876.css");
        assertThat(css.raw()).isEqualTo("body{margin:0}");
        assertThat(css.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(c.get("/main-ABC.js").header("Cache-Control")).isEqualTo("no-store");
        assertThat(c.get("/p/K7MX4Q").header("Cache-Control")).isEqualTo("no-store");
        assertThat(c.get("/main-NOTTHERE1.js").status()).isEqualTo(404);
        assertThat(c.get("/main-NOTTHERE1.js").header("Cache-Control")).isEqualTo("no-store");
    }
}

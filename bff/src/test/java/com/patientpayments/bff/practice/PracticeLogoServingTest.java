package com.patientpayments.bff.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestProperties;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Practice logos through the BFF, as a browser loads them from {@code Practice.logoUrl}: the URL answers 200 (never a
 * 404 for a practice that has a logo) with the logo's content type, the connector's bytes, year-long immutable
 * caching and a strong ETag (304 on revalidation); SVG is sandboxed by its CSP; a practice without logo has
 * {@code logoUrl: null}, so the page shows initials without a failing request; anything else is a 404.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeLogoServingTest implements BffTestProperties {

    static final String QUERY = "query($h: ID!) { practice(hash: $h) { logoUrl } }";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    private String logoUrl(String hash) {
        var r = new GraphQLTestClient(server.getURL()).execute(QUERY, "h", hash);
        assertThat(r.hasErrors()).as(r.raw()).isFalse();
        return r.data().at("/practice/logoUrl").isNull()
                ? null
                : r.data().at("/practice/logoUrl").asText();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.getURI().resolve(path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPngLogoIsServedWithItsTypeAndImmutableCaching() throws Exception {
        String url = logoUrl("K7MX4Q");
        assertThat(url).matches("/practice-logos/K7MX4Q/[0-9a-f]{64}\\.png");
        HttpResponse<byte[]> r = get(url);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElseThrow()).isEqualTo("image/png");
        assertThat(r.headers().firstValue("cache-control").orElseThrow())
                .isEqualTo("public, max-age=31536000, immutable");
        String sha = url.substring(url.lastIndexOf('/') + 1, url.lastIndexOf('.'));
        assertThat(r.headers().firstValue("etag").orElseThrow()).isEqualTo("\"" + sha + "\"");
        assertThat(PracticeLogos.sha256(r.body())).isEqualTo(sha);
        assertThat(r.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(r.headers().firstValue("x-content-type-options")).contains("nosniff");

        HttpResponse<byte[]> again = get(url, "If-None-Match", "\"" + sha + "\"");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void anSvgLogoIsSandboxed() throws Exception {
        String url = logoUrl("HR9T3W");
        assertThat(url).endsWith(".svg");
        HttpResponse<byte[]> r = get(url);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElseThrow()).isEqualTo("image/svg+xml");
        assertThat(r.headers().firstValue("content-security-policy").orElseThrow())
                .contains("default-src 'none'", "sandbox")
                .doesNotContain("script-src");
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .startsWith("<svg")
                .doesNotContain("<script");
    }

    @Test
    void aPracticeWithoutLogoHasNoUrlAndTheOldStaticPathIsGone() throws Exception {
        assertThat(logoUrl("QX7TMD")).isNull();
        assertThat(logoUrl("K7MX4Q")).doesNotContain("/assets/practices/");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/practice-logos/K7MX4Q/0000000000000000000000000000000000000000000000000000000000000000.png",
                "/practice-logos/ZZZZZZ/0000000000000000000000000000000000000000000000000000000000000000.png",
                "/practice-logos/QX7TMD/0000000000000000000000000000000000000000000000000000000000000000.svg",
                "/practice-logos/K7MX4Q/logo.png",
                "/practice-logos/K7MX4Q/..%2F..%2Fetc%2Fpasswd",
                "/practice-logos/W3NPKV/0000000000000000000000000000000000000000000000000000000000000000.png"
            })
    void anythingElseIsAPlainNotFound(String path) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("cache-control").orElseThrow()).isEqualTo("no-store");
    }

    @Test
    void theRightUrlWithTheWrongExtensionIsNotFound() throws Exception {
        String url = logoUrl("K7MX4Q");
        assertThat(get(url.replace(".png", ".svg")).statusCode()).isEqualTo(404);
    }
}

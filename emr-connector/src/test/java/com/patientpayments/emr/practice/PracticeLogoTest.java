package com.patientpayments.emr.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patientpayments.emr.support.TestApp;
import com.patientpayments.emr.support.TestAppPerClass;
import io.micronaut.runtime.server.EmbeddedServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Practice logos over the HTTP API against a real database: the demo practices' published logos (PNG, SVG, none),
 * uploads of every kind of bad file refused with a specific message, SVG active content stripped, and the
 * draft → publish steps (a draft is never what patients see).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PracticeLogoTest extends TestAppPerClass {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void demoPracticesPublishAPngAnSvgAndNoLogo() throws Exception {
        JsonNode bright = app.get("/api/v1/practices/by-hash/K7MX4Q").json();
        assertThat(bright.get("logo").get("contentType").asText()).isEqualTo("image/png");
        assertThat(bright.get("logoUrl").isNull()).isTrue();
        HttpResponse<byte[]> png = get("/api/v1/practices/" + bright.get("id").asText() + "/logo");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("content-type").orElseThrow()).startsWith("image/png");
        assertThat(png.body().length)
                .isEqualTo(bright.get("logo").get("sizeBytes").asInt())
                .isLessThan(4096);
        assertThat(PracticeLogos.sha256(png.body()))
                .isEqualTo(bright.get("logo").get("sha256").asText());
        assertThat(png.headers().firstValue("etag").orElseThrow())
                .isEqualTo("\"" + bright.get("logo").get("sha256").asText() + "\"");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(png.body())).getWidth())
                .isEqualTo(96);

        JsonNode lakeside = app.get("/api/v1/practices/by-hash/HR9T3W").json();
        assertThat(lakeside.get("logo").get("contentType").asText()).isEqualTo("image/svg+xml");
        HttpResponse<byte[]> svg = get("/api/v1/practices/" + lakeside.get("id").asText() + "/logo");
        assertThat(new String(svg.body(), StandardCharsets.UTF_8))
                .startsWith("<svg")
                .contains("<path");

        JsonNode harbor = app.get("/api/v1/practices/by-hash/QX7TMD").json();
        assertThat(harbor.get("logo").isNull()).isTrue();
        assertThat(get("/api/v1/practices/" + harbor.get("id").asText() + "/logo")
                        .statusCode())
                .isEqualTo(404);
    }

    static Stream<Arguments> badUploads() throws IOException {
        byte[] png = png(32, 32);
        return Stream.of(
                Arguments.of("empty PNG", "image/png", new byte[0], "empty"),
                Arguments.of("text sent as PNG", "image/png", "hello".getBytes(StandardCharsets.UTF_8), "not a PNG"),
                Arguments.of("truncated PNG", "image/png", Arrays.copyOf(png, png.length / 2), "readable PNG"),
                Arguments.of(
                        "PNG over 256 KiB", "image/png", Arrays.copyOf(png, PracticeLogos.MAX_BYTES + 1), "256 KiB"),
                Arguments.of("PNG over 2048 px", "image/png", png(2049, 1), "2048"),
                Arguments.of(
                        "SVG with an external entity",
                        "image/svg+xml",
                        utf8("<?xml version=\"1.0\"?>"
                                + "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>"),
                        "DOCTYPE"),
                Arguments.of(
                        "malformed SVG",
                        "image/svg+xml",
                        utf8("<svg xmlns=\"http://www.w3.org/2000/svg\">"),
                        "well-formed"),
                Arguments.of(
                        "HTML sent as SVG",
                        "image/svg+xml",
                        utf8("<html><script>alert(1)</script></html>"),
                        "not an SVG"),
                Arguments.of("PNG sent as SVG", "image/svg+xml", png, "well-formed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void badUploadsAreRefusedWithASpecificMessage(String name, String type, byte[] body, String message)
            throws Exception {
        String practice = practiceId("QX7TMD");
        HttpResponse<byte[]> r = put("/api/v1/practices/" + practice + "/logo/draft", type, body);
        assertThat(r.statusCode()).as(name).isEqualTo(400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("detail").asText()).contains(message);
        assertThat(get("/api/v1/practices/" + practice + "/logo/draft").statusCode())
                .as(name)
                .isEqualTo(404);
    }

    @Test
    void otherImageTypesAreUnsupported() throws Exception {
        HttpResponse<byte[]> r =
                put("/api/v1/practices/" + practiceId("QX7TMD") + "/logo/draft", "image/gif", utf8("GIF89a"));
        assertThat(r.statusCode()).isEqualTo(415);
    }

    static Stream<Arguments> activeSvgContent() {
        return Stream.of(
                Arguments.of("<script>alert(1)</script>", "script"),
                Arguments.of("<rect width=\"9\" height=\"9\" onload=\"alert(1)\"/>", "onload"),
                Arguments.of("<rect width=\"9\" height=\"9\" ONCLICK=\"alert(1)\"/>", "ONCLICK"),
                Arguments.of(
                        "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>",
                        "foreignObject"),
                Arguments.of("<a href=\"javascript:alert(1)\"><rect width=\"9\" height=\"9\"/></a>", "javascript"),
                Arguments.of("<use href=\"https://evil.example/x.svg#a\"/>", "evil.example"),
                Arguments.of(
                        "<use xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"data:image/svg+xml,x\"/>",
                        "data:"),
                Arguments.of("<rect width=\"9\" height=\"9\" style=\"fill:url(https://evil.example/t)\"/>", "evil"),
                Arguments.of("<style>@import url(https://evil.example/x.css);</style>", "@import"),
                Arguments.of("<image href=\"https://evil.example/t.png\" width=\"9\" height=\"9\"/>", "evil"),
                Arguments.of("<animate attributeName=\"href\" to=\"javascript:alert(1)\"/>", "animate"),
                Arguments.of(
                        "<?xml-stylesheet href=\"https://evil.example/x.xsl\"?><rect width=\"9\" height=\"9\"/>",
                        "xml-stylesheet"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("activeSvgContent")
    void activeSvgContentIsStrippedAndTheDrawingKept(String fragment, String forbidden) throws Exception {
        String practice = practiceId("HR9T3W");
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">" + fragment
                + "<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"url(#g)\"/></svg>";
        HttpResponse<byte[]> saved = put("/api/v1/practices/" + practice + "/logo/draft", "image/svg+xml", utf8(svg));
        assertThat(saved.statusCode()).isEqualTo(200);
        String stored =
                new String(get("/api/v1/practices/" + practice + "/logo/draft").body(), StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain(forbidden).contains("<circle", "url(#g)", "viewBox=\"0 0 10 10\"");
        assertThat(JSON.readTree(saved.body()).get("sha256").asText())
                .isEqualTo(PracticeLogos.sha256(stored.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDraftIsPublishedOnlyWhenAsked() throws Exception {
        String practice = practiceId("K7MX4Q");
        String before = app.get("/api/v1/practices/" + practice)
                .json()
                .get("logo")
                .get("sha256")
                .asText();
        byte[] next = png(48, 48);
        HttpResponse<byte[]> draft = put("/api/v1/practices/" + practice + "/logo/draft", "image/png", next);
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(app.get("/api/v1/practices/" + practice)
                        .json()
                        .get("logo")
                        .get("sha256")
                        .asText())
                .isEqualTo(before);
        assertThat(get("/api/v1/practices/" + practice + "/logo").body()).isNotEqualTo(next);

        assertThat(app.post("/api/v1/practices/" + practice + "/logo/publish", null)
                        .status())
                .isEqualTo(200);
        assertThat(get("/api/v1/practices/" + practice + "/logo").body()).isEqualTo(next);
        assertThat(app.get("/api/v1/practices/by-hash/K7MX4Q")
                        .json()
                        .get("logo")
                        .get("sha256")
                        .asText())
                .isEqualTo(PracticeLogos.sha256(next))
                .isNotEqualTo(before);
    }

    @Test
    void publishingWithoutADraftIsNotFound() {
        // Harbor View never gets a draft in this class (bad uploads are refused before they are stored).
        assertThat(app.post("/api/v1/practices/" + practiceId("QX7TMD") + "/logo/publish", null)
                        .status())
                .isEqualTo(404);
    }

    private static String practiceId(String hash) {
        return app.get("/api/v1/practices/by-hash/" + hash).json().get("id").asText();
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:"
                + app.context().getBean(EmbeddedServer.class).getPort() + path);
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .header("X-Api-Key", TestApp.KEY)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> put(String path, String type, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .header("X-Api-Key", TestApp.KEY)
                        .header("Content-Type", type)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}

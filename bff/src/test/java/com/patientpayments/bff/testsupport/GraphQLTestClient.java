package com.patientpayments.bff.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small GraphQL-over-HTTP client for tests: POSTs JSON to {@code /graphql} like the SPA does and keeps the cookies
 * the BFF sets (one instance = one browser). Secure cookies are kept too, as a browser on https would.
 */
public final class GraphQLTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String origin;

    public GraphQLTestClient(URL serverUrl) {
        this.base = URI.create(serverUrl.toString().replaceAll("/$", ""));
    }

    /** Sends {@code Origin} on every later request (as a browser does on POST). */
    public GraphQLTestClient withOrigin(String origin) {
        this.origin = origin;
        return this;
    }

    /** Executes a document with optional variables (name/value pairs). */
    public Result execute(String query, Object... variables) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", query);
        if (variables.length > 0) {
            ObjectNode vars = body.putObject("variables");
            for (int i = 0; i < variables.length; i += 2) {
                vars.set((String) variables[i], JSON.valueToTree(variables[i + 1]));
            }
        }
        return post("/graphql", body.toString(), "application/json");
    }

    /** POSTs a raw body with a content type (for hardening tests). */
    public Result post(String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    /** A GET (for hardening and static-file tests). */
    public Result get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .GET());
    }

    /** Sends a request built by the test, with this client's cookies and origin. */
    public Result send(HttpRequest.Builder b) {
        if (!cookies.isEmpty()) {
            b.header(
                    "Cookie",
                    String.join(
                            "; ",
                            cookies.entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList()));
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            List<String> setCookies = r.headers().allValues("set-cookie");
            setCookies.forEach(this::remember);
            return new Result(r.statusCode(), r.headers().map(), r.body(), setCookies);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The raw body bytes of a request built by the test (for compressed static files). */
    public byte[] sendBytes(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    /** Cookies currently held (name → value). */
    public Map<String, String> cookies() {
        return cookies;
    }

    /** A response: status, headers, raw body and parsed JSON (null when not JSON). */
    public record Result(int status, Map<String, List<String>> headers, String raw, List<String> setCookies) {

        public JsonNode json() {
            try {
                return JSON.readTree(raw);
            } catch (IOException e) {
                return null;
            }
        }

        /** {@code data} of the response (missing node when absent). */
        public JsonNode data() {
            JsonNode j = json();
            return j == null ? JSON.missingNode() : j.path("data");
        }

        /** {@code errors} of the response (missing node when absent). */
        public JsonNode errors() {
            JsonNode j = json();
            return j == null ? JSON.missingNode() : j.path("errors");
        }

        public boolean hasErrors() {
            return errors().isArray() && !errors().isEmpty();
        }

        /** {@code errors[0].extensions.code}, or null. */
        public String errorCode() {
            JsonNode c = errors().path(0).path("extensions").path("code");
            return c.isTextual() ? c.asText() : null;
        }

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> e.getValue().get(0))
                    .orElse(null);
        }
    }
}

package com.patientpayments.emr.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real connector on a random 127.0.0.1 port over a fresh database (demo data seeded), plus a plain HTTP client.
 */
public final class TestApp implements AutoCloseable {
    public static final String KEY = "test-key-" + Long.toHexString(System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestDatabase db;
    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestApp(TestDatabase db, EmbeddedServer server) {
        this.db = db;
        this.server = server;
    }

    public static TestApp start() {
        return start(Map.of());
    }

    public static TestApp start(Map<String, Object> extra) {
        TestDatabase db = TestDatabase.create();
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("micronaut.server.host", "127.0.0.1");
        props.put("datasources.default.url", db.jdbcUrl());
        props.put("payments.emr.api-key", KEY);
        props.put("payments.emr.seed-demo", true);
        props.putAll(extra);
        try {
            return new TestApp(db, ApplicationContext.run(EmbeddedServer.class, props));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public Connection connect() throws SQLException {
        return db.connect();
    }

    /** A response: status, content type and the parsed JSON body (null when not JSON). */
    public record Response(int status, String contentType, String raw, JsonNode json, String requestId) {}

    public Response get(String path) {
        return send("GET", path, null, KEY);
    }

    public Response post(String path, String body) {
        return send("POST", path, body, KEY);
    }

    public Response put(String path, String body) {
        return send("PUT", path, body, KEY);
    }

    public Response send(String method, String path, String body, String apiKey) {
        return send(method, path, body, apiKey, null);
    }

    public Response send(String method, String path, String body, String apiKey, String requestId) {
        return send(method, path, body, apiKey, requestId, Map.of());
    }

    /** As {@link #send(String, String, String, String, String)} with extra request headers. */
    public Response send(
            String method, String path, String body, String apiKey, String requestId, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            b.header("X-Api-Key", apiKey);
        }
        if (requestId != null) {
            b.header("X-Request-Id", requestId);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("content-type").orElse("");
            JsonNode json = type.contains("json") && !r.body().isEmpty() ? JSON.readTree(r.body()) : null;
            return new Response(
                    r.statusCode(),
                    type,
                    r.body(),
                    json,
                    r.headers().firstValue("X-Request-Id").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records an attempt, attaches the intent {@code reference} and posts the transaction; returns the posting. */
    public Response pay(java.util.UUID householdId, long cents, String reference) {
        Response attempt = post(
                "/api/v1/payment-attempts",
                json(
                        "householdId",
                        householdId.toString(),
                        "amountCents",
                        cents,
                        "idempotencyKey",
                        "key-" + reference));
        if (attempt.status() != 201 && attempt.status() != 200) {
            throw new IllegalStateException("attempt failed: " + attempt.status());
        }
        put(
                "/api/v1/payment-attempts/" + attempt.json().get("id").asText() + "/intent",
                json("providerIntentId", reference));
        return postTransaction(reference, cents);
    }

    public Response postTransaction(String reference, long cents) {
        return post(
                "/api/v1/transactions",
                json(
                        "providerReference",
                        reference,
                        "eventId",
                        "evt_" + reference,
                        "amountCents",
                        cents,
                        "currency",
                        "usd",
                        "methodBrand",
                        "visa",
                        "methodLast4",
                        "4242",
                        "paidAt",
                        "2026-11-01T10:00:00Z"));
    }

    public static String json(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.getApplicationContext().close();
        } finally {
            db.close();
        }
    }
}

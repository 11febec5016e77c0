package com.patientpayments.bff.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The EMR connector's REST API as tests call it with the service credential, playing the practice management system
 * (posting payments, refunds) or reading what the BFF wrote.
 */
public final class ConnectorApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConnectorApi() {}

    /**
     * One call to the connector at {@code baseUrl}: {@code body} (null for none) sent as JSON, the answer's JSON.
     *
     * @throws IOException when that connector does not answer (callers with a second connector try it)
     * @throws IllegalStateException when it answers 300 or above (method, path, status and body in the message)
     */
    public static JsonNode call(String baseUrl, String apiKey, String method, String path, @Nullable Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("X-Api-Key", apiKey)
                .header("Content-Type", "application/json");
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** {@link #call(String, String, String, String, Object)} on the shared connector; any failure is unchecked. */
    public static JsonNode call(String method, String path, @Nullable Object body) {
        EmrConnectorProcess emr = EmrConnectorProcess.shared();
        try {
            return call(emr.url(), emr.apiKey(), method, path, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The id of the household the shared connector finds for these sign-in details (fails when none). */
    public static String householdId(String practiceHash, String account, String lastName) {
        return call(
                        "POST",
                        "/api/v1/households/lookup",
                        Map.of("practiceHash", practiceHash, "accountNumber", account, "lastName", lastName))
                .path("id")
                .asText();
    }

    /**
     * The body of {@code POST /api/v1/transactions} for a USD card payment of {@code amountCents} (a test Visa
     * ending 4242) with the provider reference {@code intent}.
     */
    public static Map<String, Object> cardTransaction(String intent, long amountCents) {
        return Map.of(
                "providerReference",
                intent,
                "amountCents",
                amountCents,
                "currency",
                "USD",
                "methodBrand",
                "visa",
                "methodLast4",
                "4242");
    }
}

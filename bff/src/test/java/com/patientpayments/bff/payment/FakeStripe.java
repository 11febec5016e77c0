package com.patientpayments.bff.payment;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.stripe.Stripe;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for Stripe's API at the outside edge: a local HTTP server the real stripe-java talks to
 * ({@code STRIPE_API_BASE}). Knows PaymentIntents (create with idempotency keys, retrieve, list by created range),
 * charges (retrieve), refunds (create with idempotency keys, list by charge) and records every request (method, path,
 * headers, body) so tests can inspect what left the BFF. Tests drive the intents', refunds' and disputes' fate
 * ({@link #succeed}, {@link #fail}, {@link #createRefund}, {@link #setRefundStatus}) and build the matching Stripe
 * events in the current API shapes (a Charge without embedded refunds) or an older pinned version's
 * ({@link #refundEvent}, with the refunds embedded). {@link #setUnavailable} makes it answer 500 like an outage.
 */
public final class FakeStripe implements AutoCloseable {

    /** One request as Stripe would have received it. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {}

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, JsonObject> intents = new ConcurrentHashMap<>();
    private final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final Map<String, List<JsonObject>> refundsByCharge = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> refunds = new ConcurrentHashMap<>();
    private final Map<String, String> refundByIdempotencyKey = new ConcurrentHashMap<>();
    private volatile boolean unavailable;

    public FakeStripe() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The intent created for a payment attempt (its opaque metadata), or null. */
    public String intentOfAttempt(String attemptId) {
        return intents.values().stream()
                .filter(i -> i.getAsJsonObject("metadata").has("attempt_id")
                        && attemptId.equals(
                                i.getAsJsonObject("metadata").get("attempt_id").getAsString()))
                .map(i -> i.get("id").getAsString())
                .findFirst()
                .orElse(null);
    }

    /** The {@code Stripe-Account} the intent was created on, or null. */
    public String accountOf(String intentId) {
        return accounts.get(intentId);
    }

    public int intentCount() {
        return intents.size();
    }

    /** Marks an intent paid with a card, as Stripe would after confirmation. */
    public synchronized void succeed(String intentId) {
        JsonObject pi = intents.get(intentId);
        pi.addProperty("status", "succeeded");
        pi.addProperty("amount_received", pi.get("amount").getAsLong());
        pi.add("latest_charge", charge(pi, true));
        pi.add("last_payment_error", JsonNull.INSTANCE);
    }

    /** Marks an intent declined ({@code decline_code}). */
    public synchronized void fail(String intentId, String declineCode) {
        JsonObject pi = intents.get(intentId);
        pi.addProperty("status", "requires_payment_method");
        pi.add("latest_charge", charge(pi, false));
        JsonObject error = new JsonObject();
        error.addProperty("type", "card_error");
        error.addProperty("code", "card_declined");
        error.addProperty("decline_code", declineCode);
        error.addProperty("message", "Your card was declined.");
        pi.add("last_payment_error", error);
    }

    /** A Stripe event of {@code type} whose object is the intent in the given state (as when it was sent). */
    public String intentEvent(String type, String intentId, JsonObject intentState) {
        return event(type, intentState.deepCopy(), accounts.get(intentId));
    }

    public JsonObject intent(String intentId) {
        return intents.get(intentId).deepCopy();
    }

    /** {@code charge.refunded} with the charge's refunds so far (embedded) plus a new one of {@code amountCents}. */
    public synchronized String refundEvent(String intentId, String refundId, long amountCents) {
        createRefund(intentId, refundId, amountCents, "succeeded", Instant.now().getEpochSecond());
        return chargeRefundedEventWithEmbeddedRefunds(intentId, Stripe.API_VERSION);
    }

    /** {@code charge.dispute.created} / {@code charge.dispute.closed} with Stripe's dispute status. */
    public String disputeEvent(String type, String intentId, String disputeId, long amountCents, String status) {
        JsonObject pi = intents.get(intentId);
        JsonObject dispute = new JsonObject();
        dispute.addProperty("id", disputeId);
        dispute.addProperty("object", "dispute");
        dispute.addProperty("amount", amountCents);
        dispute.addProperty("currency", "usd");
        dispute.addProperty(
                "charge", pi.getAsJsonObject("latest_charge").get("id").getAsString());
        dispute.addProperty("payment_intent", intentId);
        dispute.addProperty("reason", "fraudulent");
        dispute.addProperty("status", status);
        dispute.addProperty("created", Instant.now().getEpochSecond());
        return event(type, dispute, accounts.get(intentId));
    }

    /**
     * An intent created outside the BFF (the Dashboard, another integration), optionally carrying an
     * {@code attempt_id} in its metadata; answers its id.
     */
    public synchronized String createIntent(long amountCents, String attemptIdOrNull) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", Long.toString(amountCents));
        form.put("currency", "usd");
        form.put("description", "Created elsewhere");
        if (attemptIdOrNull != null) {
            form.put("metadata[attempt_id]", attemptIdOrNull);
        }
        return create(form, null, null).get("id").getAsString();
    }

    /** While true every request is answered 500 (Stripe unreachable for the BFF's purposes). */
    public void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    /** Records a refund of the intent's charge at {@code status}, as if created in the Dashboard; answers it. */
    public synchronized JsonObject createRefund(
            String intentId, String refundId, long amountCents, String status, long created) {
        JsonObject pi = intents.get(intentId);
        String chargeId = pi.getAsJsonObject("latest_charge").get("id").getAsString();
        JsonObject refund = new JsonObject();
        refund.addProperty("id", refundId);
        refund.addProperty("object", "refund");
        refund.addProperty("amount", amountCents);
        refund.addProperty("charge", chargeId);
        refund.addProperty("payment_intent", intentId);
        refund.addProperty("currency", "usd");
        refund.addProperty("created", created);
        refund.addProperty("status", status);
        refund.add("metadata", new JsonObject());
        refunds.put(refundId, refund);
        refundsByCharge
                .computeIfAbsent(chargeId, c -> new CopyOnWriteArrayList<>())
                .add(refund);
        refreshRefunded(pi);
        return refund.deepCopy();
    }

    /** Moves a refund to {@code status} ({@code failed} adds Stripe's {@code failure_reason}). */
    public synchronized void setRefundStatus(String refundId, String status) {
        JsonObject refund = refunds.get(refundId);
        refund.addProperty("status", status);
        if ("failed".equals(status)) {
            refund.addProperty("failure_reason", "expired_or_canceled_card");
        }
        refreshRefunded(intents.get(refund.get("payment_intent").getAsString()));
    }

    /** The refund as Stripe has it now. */
    public JsonObject refund(String refundId) {
        return refunds.get(refundId).deepCopy();
    }

    /** A refund event ({@code refund.created}, {@code refund.updated}, {@code refund.failed}, {@code charge.refund.updated}) of a refund state. */
    public String refundObjectEvent(String type, JsonObject refundState) {
        return event(
                type,
                refundState.deepCopy(),
                accounts.get(refundState.get("payment_intent").getAsString()));
    }

    /** {@code charge.refunded} in the current API shape: the charge with {@code amount_refunded}, no refunds list. */
    public synchronized String chargeRefundedEvent(String intentId) {
        JsonObject charge =
                intents.get(intentId).getAsJsonObject("latest_charge").deepCopy();
        return event("charge.refunded", charge, accounts.get(intentId));
    }

    /** The same event as an older pinned API version shapes it: the charge embeds its refunds. */
    public synchronized String chargeRefundedEventWithEmbeddedRefunds(String intentId, String apiVersion) {
        JsonObject charge =
                intents.get(intentId).getAsJsonObject("latest_charge").deepCopy();
        String chargeId = charge.get("id").getAsString();
        JsonArray data = new JsonArray();
        refundsByCharge.getOrDefault(chargeId, List.of()).forEach(r -> data.add(r.deepCopy()));
        charge.add("refunds", list(data, "/v1/charges/" + chargeId + "/refunds"));
        JsonObject event = com.google.gson.JsonParser.parseString(
                        event("charge.refunded", charge, accounts.get(intentId)))
                .getAsJsonObject();
        event.addProperty("api_version", apiVersion);
        return event.toString();
    }

    /** A dispute object at {@code status}, for {@link #disputeObjectEvent}. */
    public JsonObject dispute(String intentId, String disputeId, long amountCents, String status) {
        return com.google.gson.JsonParser.parseString(disputeEvent("x", intentId, disputeId, amountCents, status))
                .getAsJsonObject()
                .getAsJsonObject("data")
                .getAsJsonObject("object");
    }

    /** Any dispute event type ({@code charge.dispute.funds_withdrawn}, …) for a dispute state. */
    public String disputeObjectEvent(String type, JsonObject disputeState) {
        return event(
                type,
                disputeState.deepCopy(),
                accounts.get(disputeState.get("payment_intent").getAsString()));
    }

    private void refreshRefunded(JsonObject pi) {
        JsonObject charge = pi.getAsJsonObject("latest_charge");
        long refunded = refundsByCharge.getOrDefault(charge.get("id").getAsString(), List.of()).stream()
                .filter(r -> !"failed".equals(r.get("status").getAsString())
                        && !"canceled".equals(r.get("status").getAsString()))
                .mapToLong(r -> r.get("amount").getAsLong())
                .sum();
        charge.addProperty("amount_refunded", refunded);
        charge.addProperty("refunded", refunded >= charge.get("amount").getAsLong());
    }

    private static String event(String type, JsonObject object, String account) {
        JsonObject event = new JsonObject();
        event.addProperty("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        event.addProperty("object", "event");
        event.addProperty("api_version", Stripe.API_VERSION);
        event.addProperty("created", Instant.now().getEpochSecond());
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        event.addProperty("type", type);
        if (account != null) {
            event.addProperty("account", account);
        }
        JsonObject data = new JsonObject();
        data.add("object", object);
        event.add("data", data);
        return event.toString();
    }

    private static JsonObject charge(JsonObject pi, boolean paid) {
        JsonObject charge = new JsonObject();
        charge.addProperty(
                "id", "ch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        charge.addProperty("object", "charge");
        charge.addProperty("amount", pi.get("amount").getAsLong());
        charge.addProperty("amount_refunded", 0);
        charge.addProperty("created", Instant.now().getEpochSecond());
        charge.addProperty("currency", "usd");
        charge.addProperty("paid", paid);
        charge.addProperty("status", paid ? "succeeded" : "failed");
        charge.addProperty("payment_intent", pi.get("id").getAsString());
        JsonObject card = new JsonObject();
        card.addProperty("brand", "visa");
        card.addProperty("last4", "4242");
        JsonObject details = new JsonObject();
        details.addProperty("type", "card");
        details.add("card", card);
        charge.add("payment_method_details", details);
        return charge;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(new Recorded(
                exchange.getRequestMethod(),
                path,
                query == null ? "" : query,
                Map.copyOf(exchange.getRequestHeaders()),
                body));
        JsonObject answer;
        int status = 200;
        synchronized (this) {
            if (unavailable) {
                answer = error("api_error");
                status = 500;
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("/v1/refunds")) {
                answer = createRefund(form(body), exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                status = answer.has("error") ? 400 : 200;
            } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/v1/charges/")) {
                String chargeId = path.substring("/v1/charges/".length());
                answer = intents.values().stream()
                        .map(i -> i.get("latest_charge"))
                        .filter(c -> c != null
                                && c.isJsonObject()
                                && chargeId.equals(c.getAsJsonObject().get("id").getAsString()))
                        .map(c -> c.getAsJsonObject().deepCopy())
                        .findFirst()
                        .orElse(null);
                status = answer == null ? 404 : 200;
                answer = answer == null ? error("resource_missing") : answer;
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("/v1/payment_intents")) {
                answer = create(
                        form(body),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("Stripe-Account"));
            } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/v1/payment_intents/")) {
                JsonObject pi = intents.get(path.substring("/v1/payment_intents/".length()));
                answer = pi == null ? error("resource_missing") : pi.deepCopy();
                status = pi == null ? 404 : 200;
            } else if ("GET".equals(exchange.getRequestMethod()) && path.equals("/v1/payment_intents")) {
                Map<String, String> q = form(query == null ? "" : query);
                long gte = Long.parseLong(q.getOrDefault("created[gte]", "0"));
                long lt = Long.parseLong(q.getOrDefault("created[lt]", Long.toString(Long.MAX_VALUE)));
                String account = exchange.getRequestHeaders().getFirst("Stripe-Account");
                JsonArray data = new JsonArray();
                intents.values().stream()
                        .filter(i -> i.get("created").getAsLong() >= gte
                                && i.get("created").getAsLong() < lt)
                        .filter(i -> java.util.Objects.equals(
                                account, accounts.get(i.get("id").getAsString())))
                        .forEach(i -> data.add(i.deepCopy()));
                answer = list(data, "/v1/payment_intents");
            } else if ("GET".equals(exchange.getRequestMethod()) && path.equals("/v1/refunds")) {
                String charge = form(query == null ? "" : query).get("charge");
                JsonArray data = new JsonArray();
                refundsByCharge.getOrDefault(charge, List.of()).forEach(data::add);
                answer = list(data, "/v1/refunds");
            } else {
                answer = error("unknown_endpoint");
                status = 404;
            }
        }
        byte[] out = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_" + UUID.randomUUID());
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    /** POST /v1/refunds: a card refund is {@code succeeded} at once; over-refunding is refused like Stripe does. */
    private JsonObject createRefund(Map<String, String> form, String idempotencyKey) {
        if (idempotencyKey != null && refundByIdempotencyKey.containsKey(idempotencyKey)) {
            return refunds.get(refundByIdempotencyKey.get(idempotencyKey)).deepCopy();
        }
        JsonObject pi = intents.get(form.get("payment_intent"));
        if (pi == null || !"succeeded".equals(pi.get("status").getAsString())) {
            return error("charge_not_refundable");
        }
        long amount =
                Long.parseLong(form.getOrDefault("amount", pi.get("amount").getAsString()));
        JsonObject charge = pi.getAsJsonObject("latest_charge");
        if (amount
                > charge.get("amount").getAsLong()
                        - charge.get("amount_refunded").getAsLong()) {
            return error("charge_already_refunded");
        }
        String id = "re_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        JsonObject refund = createRefund(
                pi.get("id").getAsString(),
                id,
                amount,
                "succeeded",
                Instant.now().getEpochSecond());
        if (form.containsKey("reason")) {
            refunds.get(id).addProperty("reason", form.get("reason"));
        }
        if (idempotencyKey != null) {
            refundByIdempotencyKey.put(idempotencyKey, id);
        }
        return refunds.get(id).deepCopy();
    }

    private JsonObject create(Map<String, String> form, String idempotencyKey, String account) {
        if (idempotencyKey != null && byIdempotencyKey.containsKey(idempotencyKey)) {
            return intents.get(byIdempotencyKey.get(idempotencyKey)).deepCopy();
        }
        String id = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        JsonObject pi = new JsonObject();
        pi.addProperty("id", id);
        pi.addProperty("object", "payment_intent");
        pi.addProperty("amount", Long.parseLong(form.get("amount")));
        pi.addProperty("amount_received", 0);
        pi.addProperty("currency", form.get("currency"));
        pi.addProperty("status", "requires_payment_method");
        pi.addProperty(
                "client_secret", id + "_secret_" + UUID.randomUUID().toString().replace("-", ""));
        pi.addProperty("created", Instant.now().getEpochSecond());
        pi.addProperty("description", form.get("description"));
        pi.addProperty("livemode", false);
        JsonObject metadata = new JsonObject();
        form.forEach((k, v) -> {
            if (k.startsWith("metadata[")) {
                metadata.addProperty(k.substring(9, k.length() - 1), v);
            }
        });
        pi.add("metadata", metadata);
        pi.add("latest_charge", JsonNull.INSTANCE);
        intents.put(id, pi);
        if (account != null) {
            accounts.put(id, account);
        }
        if (idempotencyKey != null) {
            byIdempotencyKey.put(idempotencyKey, id);
        }
        return pi.deepCopy();
    }

    private static JsonObject list(JsonArray data, String url) {
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        list.add("data", data);
        list.addProperty("has_more", false);
        list.addProperty("url", url);
        return list;
    }

    private static JsonObject error(String code) {
        JsonObject error = new JsonObject();
        error.addProperty("type", "invalid_request_error");
        error.addProperty("code", code);
        error.addProperty("message", "No such resource");
        JsonObject wrapper = new JsonObject();
        wrapper.add("error", error);
        return wrapper;
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(k, v);
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** All request bodies, queries and header values as one text, for "nothing sensitive left" assertions. */
    public String everythingSent() {
        List<String> parts = new ArrayList<>();
        for (Recorded r : requests) {
            parts.add(r.path());
            parts.add(URLDecoder.decode(r.query(), StandardCharsets.UTF_8));
            parts.add(URLDecoder.decode(r.body(), StandardCharsets.UTF_8));
            r.headers().forEach((k, v) -> parts.add(k + ": " + String.join(",", v)));
        }
        return String.join("\n", parts);
    }
}

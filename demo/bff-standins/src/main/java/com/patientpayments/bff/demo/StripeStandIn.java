package com.patientpayments.bff.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The demo's card processor: a local HTTP server speaking the part of Stripe's REST API that the BFF's stripe-java
 * client uses, in memory, with Stripe's test-mode behaviour — PaymentIntents (create with idempotency keys, retrieve,
 * list by created range, confirm with Stripe's test PaymentMethods, see {@link StripeTestCards}), charges (retrieve),
 * refunds (create with idempotency keys, list by charge; {@code pm_card_refundFail} refunds fail a moment later) and
 * disputes (list by PaymentIntent, retrieve, update with {@code evidence[uncategorized_text]} =
 * {@code winning_evidence} / {@code losing_evidence}; {@code pm_card_createDispute*} payments are disputed a moment
 * after they succeed, see {@link StripeClaims}). Requests must carry its secret key ({@code Authorization: Bearer}),
 * as Stripe's do.
 *
 * <p>With a webhook endpoint it delivers, like Stripe, each resulting event signed with the endpoint's secret
 * ({@link StripeWebhooks}); an event caused by a request is delivered before the request is answered. {@link #get()}
 * is the address the BFF's stripe-java uses, with the key as its user-info. The BFF's tests extend it with controls
 * (recording, outages, intents settled without a card).
 */
public class StripeStandIn implements Supplier<URI>, AutoCloseable {

    /** How long after the triggering step the "later" events come (dispute opening, refund failure). */
    public static final Duration LATER = Duration.ofMillis(700);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, daemon("stripe-stand-in"));
    private final ScheduledExecutorService later =
            Executors.newSingleThreadScheduledExecutor(daemon("stripe-stand-in-events"));
    private final @Nullable String secretKey;
    private final @Nullable StripeWebhooks webhooks;
    private final Map<String, JsonObject> intents = new HashMap<>();
    private final Map<String, String> intentByKey = new HashMap<>();
    private final Map<String, String> accounts = new HashMap<>();
    private final Map<String, StripeTestCards> cards = new HashMap<>();
    private final StripeClaims claims = new StripeClaims();

    /**
     * Starts the server on 127.0.0.1.
     *
     * @param port            0 for a free port
     * @param secretKey       the key every request must carry; null: any
     * @param webhookEndpoint where events go (asked at each delivery); null: events are not delivered
     * @param webhookSecret   the endpoint's signing secret ({@code whsec_…})
     * @throws IOException when the port cannot be bound
     */
    public StripeStandIn(
            int port, @Nullable String secretKey, @Nullable Supplier<URI> webhookEndpoint, String webhookSecret)
            throws IOException {
        this.secretKey = secretKey;
        this.webhooks = webhookEndpoint == null ? null : new StripeWebhooks(webhookEndpoint, webhookSecret);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API base, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The API base with the secret key as user-info ({@code http://sk_test_…@127.0.0.1:<port>}), for the BFF. */
    @Override
    public URI get() {
        return URI.create(secretKey == null ? url() : url().replace("://", "://" + secretKey + "@"));
    }

    /** Stripe's signature header for a payload, as the stand-in signs its events. */
    public static String signature(String payload, String secret, long epochSecond) {
        return StripeWebhooks.signature(payload, secret, epochSecond);
    }

    /** One request as it arrived; {@link #received} sees every one. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {}

    /** Hook for tests: every request before it is answered. Nothing here. */
    protected void received(Recorded request) {}

    /** Hook for tests: while true every request is answered 500 like an outage. False here. */
    protected boolean unavailable() {
        return false;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
        received(new Recorded(method, path, query, Map.copyOf(exchange.getRequestHeaders()), body));
        List<JsonObject> events = new ArrayList<>();
        Answer answer;
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (unavailable()) {
            answer = new Answer(500, StripeJson.error("api_error", "api_error", "Stand-in outage"));
        } else if (secretKey != null && !("Bearer " + secretKey).equals(auth)) {
            answer = new Answer(
                    401, StripeJson.error("invalid_request_error", "api_key_invalid", "Invalid API Key provided."));
        } else {
            Request r = new Request(
                    method,
                    path,
                    StripeJson.form(query),
                    StripeJson.form(body),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Stripe-Account"));
            synchronized (this) {
                answer = route(r, events);
            }
        }
        deliver(events);
        byte[] out = answer.body().toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", StripeJson.id("req"));
        exchange.sendResponseHeaders(answer.status(), out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private Answer route(Request r, List<JsonObject> events) {
        String[] p = r.path().split("/");
        boolean post = "POST".equals(r.method());
        try {
            if (p.length == 3 && p[2].equals("payment_intents")) {
                return post ? ok(create(r.form(), r.idempotencyKey(), r.account())) : ok(listIntents(r));
            }
            if (p.length >= 4 && p[2].equals("payment_intents")) {
                JsonObject pi = intents.get(p[3]);
                // Like Stripe: an intent of a connected account is found only with that account's Stripe-Account
                // header (and one of the platform only without), so a call that forgets the account fails here too.
                if (pi == null || !Objects.equals(accounts.get(p[3]), r.account())) {
                    return missing("payment_intent");
                }
                if (post && p.length == 5 && p[4].equals("confirm")) {
                    return confirm(pi, r.form().get("payment_method"), events);
                }
                return ok(pi.deepCopy());
            }
            if (p.length == 4 && p[2].equals("charges")) {
                return intents.values().stream()
                        .map(i -> i.get("latest_charge"))
                        .filter(c -> c.isJsonObject()
                                && p[3].equals(c.getAsJsonObject().get("id").getAsString()))
                        .findFirst()
                        .map(c -> ok(c.getAsJsonObject().deepCopy()))
                        .orElseGet(() -> missing("charge"));
            }
            if (p.length == 3 && p[2].equals("refunds")) {
                return post
                        ? refund(r, events)
                        : ok(StripeJson.list(claims.refundsOf(r.query().get("charge")), "/v1/refunds"));
            }
            if (p.length == 3 && p[2].equals("disputes")) {
                return ok(StripeJson.list(claims.disputesOf(r.query().get("payment_intent")), "/v1/disputes"));
            }
            if (p.length == 4 && p[2].equals("disputes")) {
                JsonObject d = claims.dispute(p[3]);
                if (d == null) {
                    return missing("dispute");
                }
                String text = r.form().get("evidence[uncategorized_text]");
                return post && text != null
                        ? ok(claims.evidence(
                                p[3], text, accounts.get(d.get("payment_intent").getAsString()), events))
                        : ok(d.deepCopy());
            }
            return new Answer(
                    404, StripeJson.error("invalid_request_error", "unknown_endpoint", "Unrecognized request URL."));
        } catch (StripeClaims.Refusal e) {
            return new Answer(e.status, e.body);
        } catch (NumberFormatException e) {
            return new Answer(
                    400, StripeJson.error("invalid_request_error", "parameter_invalid_integer", "Invalid integer."));
        }
    }

    /** {@code POST /v1/payment_intents}: idempotent by key, on the {@code Stripe-Account} given. */
    protected final synchronized JsonObject create(
            Map<String, String> form, @Nullable String idempotencyKey, @Nullable String account) {
        if (idempotencyKey != null && intentByKey.containsKey(idempotencyKey)) {
            return Objects.requireNonNull(intents.get(intentByKey.get(idempotencyKey)))
                    .deepCopy();
        }
        String id = StripeJson.id("pi");
        JsonObject pi = new JsonObject();
        pi.addProperty("id", id);
        pi.addProperty("object", "payment_intent");
        pi.addProperty("amount", Long.parseLong(form.getOrDefault("amount", "0")));
        pi.addProperty("amount_received", 0);
        pi.addProperty("currency", form.getOrDefault("currency", "usd"));
        pi.addProperty("status", "requires_payment_method");
        pi.addProperty("client_secret", id + "_secret_" + StripeJson.id("s").substring(2));
        pi.addProperty("created", Instant.now().getEpochSecond());
        pi.addProperty("description", form.get("description"));
        pi.addProperty("livemode", false);
        JsonObject metadata = new JsonObject();
        form.forEach((k, v) -> {
            if (k.startsWith("metadata[") && k.endsWith("]")) {
                metadata.addProperty(k.substring(9, k.length() - 1), v);
            }
        });
        pi.add("metadata", metadata);
        pi.add("latest_charge", JsonNull.INSTANCE);
        pi.add("last_payment_error", JsonNull.INSTANCE);
        intents.put(id, pi);
        if (account != null) {
            accounts.put(id, account);
        }
        if (idempotencyKey != null) {
            intentByKey.put(idempotencyKey, id);
        }
        return pi.deepCopy();
    }

    private JsonObject listIntents(Request r) {
        long gte = Long.parseLong(r.query().getOrDefault("created[gte]", "0"));
        long lt = Long.parseLong(r.query().getOrDefault("created[lt]", Long.toString(Long.MAX_VALUE)));
        JsonArray data = new JsonArray();
        intents.values().stream()
                .filter(i ->
                        i.get("created").getAsLong() >= gte && i.get("created").getAsLong() < lt)
                .filter(i ->
                        Objects.equals(r.account(), accounts.get(i.get("id").getAsString())))
                .forEach(i -> data.add(i.deepCopy()));
        return StripeJson.list(data, "/v1/payment_intents");
    }

    /**
     * {@code POST /v1/payment_intents/{id}/confirm} with a test PaymentMethod: the intent succeeds or is declined
     * (402 with the card error, as Stripe answers), its event is delivered, and a dispute card opens its dispute later.
     */
    private Answer confirm(JsonObject pi, @Nullable String paymentMethod, List<JsonObject> events) {
        String status = pi.get("status").getAsString();
        if (!status.equals("requires_payment_method") && !status.equals("requires_confirmation")) {
            return new Answer(
                    400,
                    StripeJson.error(
                            "invalid_request_error",
                            "payment_intent_unexpected_state",
                            "You cannot confirm this PaymentIntent because it has a status of " + status + "."));
        }
        StripeTestCards card = StripeTestCards.of(paymentMethod).orElse(null);
        if (card == null) {
            return missing("payment_method");
        }
        String id = pi.get("id").getAsString();
        settle(id, card.declineCode, card.last4);
        pi.addProperty("payment_method", card.paymentMethod);
        cards.put(id, card);
        String account = accounts.get(id);
        events.add(StripeJson.event(
                card.succeeds() ? "payment_intent.succeeded" : "payment_intent.payment_failed",
                eventCopy(pi),
                account));
        if (card.later == StripeTestCards.Later.DISPUTE || card.later == StripeTestCards.Later.INQUIRY) {
            boolean inquiry = card.later == StripeTestCards.Later.INQUIRY;
            String reason = Objects.requireNonNull(card.disputeReason);
            later(out -> claims.open(pi, inquiry, reason, account, out));
        }
        if (card.succeeds()) {
            return ok(pi.deepCopy());
        }
        JsonObject error = StripeJson.cardError(Objects.requireNonNull(card.declineCode));
        error.add("payment_intent", pi.deepCopy());
        JsonObject wrapper = new JsonObject();
        wrapper.add("error", error);
        return new Answer(402, wrapper);
    }

    /**
     * Settles an intent as a card confirmation would, without events: succeeded with a new charge, or (with a
     * {@code declineCode}) declined, back to {@code requires_payment_method} with its {@code last_payment_error}.
     */
    protected final synchronized void settle(String intentId, @Nullable String declineCode, String last4) {
        JsonObject pi = intentState(intentId);
        boolean paid = declineCode == null;
        pi.addProperty("status", paid ? "succeeded" : "requires_payment_method");
        pi.addProperty("amount_received", paid ? pi.get("amount").getAsLong() : 0);
        pi.add("latest_charge", StripeJson.charge(pi, paid, last4));
        pi.add("last_payment_error", declineCode == null ? JsonNull.INSTANCE : StripeJson.cardError(declineCode));
    }

    private Answer refund(Request r, List<JsonObject> events) {
        Map<String, String> form = r.form();
        JsonObject pi = intents.get(form.getOrDefault("payment_intent", ""));
        if (pi == null) {
            return missing("payment_intent");
        }
        String id = pi.get("id").getAsString();
        String account = accounts.get(id);
        String amount = form.get("amount");
        JsonObject refund = claims.create(
                pi,
                amount == null ? null : Long.parseLong(amount),
                form.get("reason"),
                r.idempotencyKey(),
                account,
                events);
        if (cards.get(id) == StripeTestCards.REFUND_FAIL
                && "succeeded".equals(refund.get("status").getAsString())) {
            String refundId = refund.get("id").getAsString();
            later(out -> claims.fail(pi, refundId, account, out));
        }
        return ok(refund);
    }

    /** Records a refund of the intent's charge at {@code status} without events (as if made in the Dashboard). */
    protected final synchronized JsonObject addRefund(
            String intentId, String refundId, long amountCents, String status, Instant created) {
        return claims.add(intentState(intentId), refundId, amountCents, status, created, null)
                .deepCopy();
    }

    /** Moves a refund to {@code status} without events. */
    public final synchronized void setRefundStatus(String refundId, String status) {
        JsonObject refund = Objects.requireNonNull(claims.refund(refundId), refundId);
        claims.setStatus(intentState(refund.get("payment_intent").getAsString()), refundId, status);
    }

    /** The refund as it is now. */
    protected final synchronized JsonObject refundState(String refundId) {
        return Objects.requireNonNull(claims.refund(refundId), refundId).deepCopy();
    }

    /** The refunds of a charge, oldest first. */
    protected final synchronized JsonArray refundsOfCharge(String chargeId) {
        return claims.refundsOf(chargeId);
    }

    /** The live intent (tests change it under this object's lock). */
    protected final synchronized JsonObject intentState(String intentId) {
        return Objects.requireNonNull(intents.get(intentId), intentId);
    }

    /** Every intent, copied. */
    protected final synchronized Collection<JsonObject> intentStates() {
        return intents.values().stream().map(JsonObject::deepCopy).toList();
    }

    /** The {@code Stripe-Account} the intent was created on, or null for the platform. */
    public final synchronized @Nullable String accountOf(String intentId) {
        return accounts.get(intentId);
    }

    /** Runs {@code step} under the lock {@link #LATER} from now and delivers its events. */
    private void later(Consumer<List<JsonObject>> step) {
        later.schedule(
                () -> {
                    List<JsonObject> events = new ArrayList<>();
                    synchronized (this) {
                        step.accept(events);
                    }
                    deliver(events);
                },
                LATER.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void deliver(List<JsonObject> events) {
        if (webhooks != null) {
            events.forEach(webhooks::deliver);
        }
    }

    private static JsonObject eventCopy(JsonObject pi) {
        JsonObject copy = pi.deepCopy();
        copy.remove("client_secret");
        return copy;
    }

    private static Answer ok(JsonObject body) {
        return new Answer(200, body);
    }

    private static Answer missing(String what) {
        JsonObject body = StripeJson.error("invalid_request_error", "resource_missing", "No such " + what + ".");
        body.getAsJsonObject("error").addProperty("param", what.equals("payment_method") ? what : "id");
        return new Answer(what.equals("payment_method") ? 400 : 404, body);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        later.shutdownNow();
        server.stop(0);
        executor.shutdownNow();
    }

    /** A request as the routes see it: the query and the form body decoded. */
    private record Request(
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> form,
            @Nullable String idempotencyKey,
            @Nullable String account) {}

    /** An HTTP status and a JSON body. */
    private record Answer(int status, JsonObject body) {}
}

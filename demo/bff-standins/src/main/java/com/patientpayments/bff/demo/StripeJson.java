package com.patientpayments.bff.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.stripe.Stripe;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's JSON shapes as stripe-java parses them (current API version): events, a Charge with
 * {@code amount_refunded} and no embedded refunds, Refunds, Disputes, lists and errors; ids with Stripe's prefixes.
 * Also Stripe's form encoding of requests.
 */
public final class StripeJson {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StripeJson() {}

    /**
     * A new id: {@code prefix} ({@code pi}, {@code ch}, …), underscore, 24 random hex digits. Stripe's own ids use
     * every letter; hex keeps a random id from spelling a patient's name in the tests' "no PHI sent" checks.
     */
    public static String id(String prefix) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }

    /** An event ({@code evt_…}, this stripe-java's API version) of {@code type} carrying {@code object}. */
    public static JsonObject event(String type, JsonObject object, @Nullable String account) {
        JsonObject event = new JsonObject();
        event.addProperty("id", id("evt"));
        event.addProperty("object", "event");
        event.addProperty("api_version", Stripe.API_VERSION);
        event.addProperty("created", Instant.now().getEpochSecond());
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        event.addProperty("type", type);
        if (account != null) {
            event.addProperty("account", account);
        }
        JsonObject request = new JsonObject();
        request.add("id", JsonNull.INSTANCE);
        request.add("idempotency_key", JsonNull.INSTANCE);
        event.add("request", request);
        JsonObject data = new JsonObject();
        data.add("object", object);
        event.add("data", data);
        return event;
    }

    /** A card Charge of the intent, paid or failed, with the card's brand and last four digits. */
    public static JsonObject charge(JsonObject intent, boolean paid, String last4) {
        long amount = intent.get("amount").getAsLong();
        JsonObject charge = new JsonObject();
        charge.addProperty("id", id("ch"));
        charge.addProperty("object", "charge");
        charge.addProperty("amount", amount);
        charge.addProperty("amount_captured", paid ? amount : 0);
        charge.addProperty("amount_refunded", 0);
        charge.addProperty("refunded", false);
        charge.addProperty("disputed", false);
        charge.addProperty("created", Instant.now().getEpochSecond());
        charge.addProperty("currency", intent.get("currency").getAsString());
        charge.addProperty("paid", paid);
        charge.addProperty("status", paid ? "succeeded" : "failed");
        charge.addProperty("payment_intent", intent.get("id").getAsString());
        JsonObject card = new JsonObject();
        card.addProperty("brand", "visa");
        card.addProperty("last4", last4);
        JsonObject details = new JsonObject();
        details.addProperty("type", "card");
        details.add("card", card);
        charge.add("payment_method_details", details);
        return charge;
    }

    /** A card error as on a declined intent's {@code last_payment_error} (no {@code decline_code} for a plain one). */
    public static JsonObject cardError(String declineCode) {
        JsonObject error = new JsonObject();
        error.addProperty("type", "card_error");
        error.addProperty("code", "card_declined");
        if (!"card_declined".equals(declineCode)) {
            error.addProperty("decline_code", declineCode);
        }
        error.addProperty(
                "message",
                "insufficient_funds".equals(declineCode)
                        ? "Your card has insufficient funds."
                        : "Your card was declined.");
        return error;
    }

    /** A Refund of the intent's charge. */
    public static JsonObject refund(
            String refundId,
            JsonObject intent,
            long amountCents,
            String status,
            long created,
            @Nullable String reason) {
        JsonObject refund = new JsonObject();
        refund.addProperty("id", refundId);
        refund.addProperty("object", "refund");
        refund.addProperty("amount", amountCents);
        refund.addProperty(
                "charge", intent.getAsJsonObject("latest_charge").get("id").getAsString());
        refund.addProperty("payment_intent", intent.get("id").getAsString());
        refund.addProperty("currency", intent.get("currency").getAsString());
        refund.addProperty("created", created);
        refund.addProperty("status", status);
        if (reason != null) {
            refund.addProperty("reason", reason);
        }
        refund.add("metadata", new JsonObject());
        return refund;
    }

    /** A Dispute of the intent's charge at {@code status}. */
    public static JsonObject dispute(
            String disputeId, JsonObject intent, long amountCents, String status, String reason) {
        JsonObject dispute = new JsonObject();
        dispute.addProperty("id", disputeId);
        dispute.addProperty("object", "dispute");
        dispute.addProperty("amount", amountCents);
        dispute.addProperty("currency", intent.get("currency").getAsString());
        dispute.addProperty(
                "charge", intent.getAsJsonObject("latest_charge").get("id").getAsString());
        dispute.addProperty("payment_intent", intent.get("id").getAsString());
        dispute.addProperty("reason", reason);
        dispute.addProperty("status", status);
        dispute.addProperty("created", Instant.now().getEpochSecond());
        dispute.addProperty("is_charge_refundable", status.startsWith("warning_"));
        dispute.add("metadata", new JsonObject());
        return dispute;
    }

    /** A list object ({@code has_more} false: the stand-in answers every match at once). */
    public static JsonObject list(JsonArray data, String url) {
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        list.add("data", data);
        list.addProperty("has_more", false);
        list.addProperty("url", url);
        return list;
    }

    /** An error answer of {@code type} ({@code invalid_request_error}, {@code card_error}, …) and {@code code}. */
    public static JsonObject error(String type, String code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        error.addProperty("code", code);
        error.addProperty("message", message);
        JsonObject wrapper = new JsonObject();
        wrapper.add("error", error);
        return wrapper;
    }

    /** Stripe's form encoding ({@code a=1&metadata[k]=v}) as flat keys. */
    public static Map<String, String> form(String encoded) {
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
}

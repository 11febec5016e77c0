package com.patientpayments.bff.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Stripe stand-in's refunds and disputes, with Stripe's test-mode lifecycles and events. Not thread-safe: the
 * stand-in calls it under its own lock, and every method adds the events it causes to {@code events} for the
 * stand-in to deliver once the lock is released.
 * <ul>
 *   <li>a refund is {@code succeeded} at once ({@code refund.created}, {@code charge.refunded}); on a
 *   {@code pm_card_refundFail} payment it fails a moment later ({@link #fail}: {@code refund.failed},
 *   {@code refund.updated}, {@code charge.refund.updated});</li>
 *   <li>{@link #open}: a dispute ({@code needs_response}, {@code charge.dispute.created} and
 *   {@code charge.dispute.funds_withdrawn}) or an inquiry ({@code warning_needs_response}, no funds withdrawn);</li>
 *   <li>{@link #evidence}, as in Stripe's test mode: {@code winning_evidence} → {@code under_review} → {@code won}
 *   ({@code charge.dispute.funds_reinstated}); {@code losing_evidence} → {@code under_review} → {@code lost}. An
 *   inquiry: winning closes it ({@code warning_closed}), losing escalates it to a chargeback ({@code needs_response},
 *   funds withdrawn). Any other text leaves the dispute under review.</li>
 * </ul>
 */
final class StripeClaims {

    private static final Set<String> CLOSED = Set.of("won", "lost", "warning_closed");

    private final Map<String, JsonObject> refunds = new HashMap<>();
    private final Map<String, List<JsonObject>> refundsByCharge = new HashMap<>();
    private final Map<String, String> refundByKey = new HashMap<>();
    private final Map<String, JsonObject> disputes = new HashMap<>();

    /** A refund request Stripe refuses: the HTTP status and Stripe's error body. */
    static final class Refusal extends RuntimeException {
        final int status;
        final JsonObject body;

        Refusal(int status, String code, String message) {
            super(code, null, false, false);
            this.status = status;
            this.body = StripeJson.error("invalid_request_error", code, message);
        }
    }

    /**
     * {@code POST /v1/refunds} for a PaymentIntent; idempotent by key.
     *
     * @throws Refusal when the intent is not paid, its charge is disputed or the amount is not refundable
     */
    JsonObject create(
            JsonObject intent,
            @Nullable Long amountCents,
            @Nullable String reason,
            @Nullable String key,
            @Nullable String account,
            List<JsonObject> events) {
        if (key != null && refundByKey.containsKey(key)) {
            return Objects.requireNonNull(refunds.get(refundByKey.get(key))).deepCopy();
        }
        if (!"succeeded".equals(intent.get("status").getAsString())) {
            throw new Refusal(400, "charge_not_refundable", "This PaymentIntent does not have a successful charge.");
        }
        JsonObject charge = intent.getAsJsonObject("latest_charge");
        JsonObject dispute = disputeOf(intent.get("id").getAsString());
        if (dispute != null && fundsWithdrawn(dispute)) {
            throw new Refusal(400, "charge_disputed", "This charge has been disputed and cannot be refunded.");
        }
        long refundable = charge.get("amount").getAsLong() - refunded(charge);
        long amount = amountCents == null ? refundable : amountCents;
        if (refundable <= 0) {
            throw new Refusal(400, "charge_already_refunded", "This charge has already been refunded.");
        }
        if (amount <= 0 || amount > refundable) {
            throw new Refusal(400, "amount_too_large", "The refund must be between 1 and " + refundable + " cents.");
        }
        JsonObject refund = add(intent, StripeJson.id("re"), amount, "succeeded", Instant.now(), reason);
        if (key != null) {
            refundByKey.put(key, refund.get("id").getAsString());
        }
        events.add(StripeJson.event("refund.created", refund.deepCopy(), account));
        events.add(StripeJson.event("charge.refunded", charge.deepCopy(), account));
        return refund.deepCopy();
    }

    /** Records a refund of the intent's charge at {@code status} (also as if made in the Dashboard); answers it. */
    JsonObject add(
            JsonObject intent,
            String refundId,
            long amountCents,
            String status,
            Instant created,
            @Nullable String reason) {
        JsonObject refund = StripeJson.refund(refundId, intent, amountCents, status, created.getEpochSecond(), reason);
        refunds.put(refundId, refund);
        JsonObject charge = intent.getAsJsonObject("latest_charge");
        refundsByCharge
                .computeIfAbsent(charge.get("id").getAsString(), c -> new ArrayList<>())
                .add(refund);
        refresh(charge);
        return refund;
    }

    /** Moves a refund to {@code status} ({@code failed} adds Stripe's {@code failure_reason}). */
    void setStatus(JsonObject intent, String refundId, String status) {
        JsonObject refund = Objects.requireNonNull(refunds.get(refundId), refundId);
        refund.addProperty("status", status);
        if ("failed".equals(status)) {
            refund.addProperty("failure_reason", "expired_or_canceled_card");
        }
        refresh(intent.getAsJsonObject("latest_charge"));
    }

    /** The refund failed after all (Stripe's {@code pm_card_refundFail}). */
    void fail(JsonObject intent, String refundId, @Nullable String account, List<JsonObject> events) {
        setStatus(intent, refundId, "failed");
        for (String type : List.of("refund.failed", "refund.updated", "charge.refund.updated")) {
            events.add(StripeJson.event(
                    type, Objects.requireNonNull(refunds.get(refundId)).deepCopy(), account));
        }
    }

    @Nullable
    JsonObject refund(String refundId) {
        return refunds.get(refundId);
    }

    /** The refunds of a charge, oldest first. */
    JsonArray refundsOf(@Nullable String chargeId) {
        JsonArray data = new JsonArray();
        refundsByCharge.getOrDefault(chargeId, List.of()).forEach(r -> data.add(r.deepCopy()));
        return data;
    }

    /** Opens a dispute or an inquiry on what of the payment is not refunded; nothing when all of it is. */
    void open(JsonObject intent, boolean inquiry, String reason, @Nullable String account, List<JsonObject> events) {
        JsonObject charge = intent.getAsJsonObject("latest_charge");
        long amount = charge.get("amount").getAsLong() - refunded(charge);
        if (amount <= 0 || disputeOf(intent.get("id").getAsString()) != null) {
            return;
        }
        JsonObject d = StripeJson.dispute(
                StripeJson.id("dp"), intent, amount, inquiry ? "warning_needs_response" : "needs_response", reason);
        disputes.put(d.get("id").getAsString(), d);
        charge.addProperty("disputed", true);
        events.add(StripeJson.event("charge.dispute.created", d.deepCopy(), account));
        if (!inquiry) {
            events.add(StripeJson.event("charge.dispute.funds_withdrawn", d.deepCopy(), account));
        }
    }

    /**
     * {@code POST /v1/disputes/{id}} with {@code evidence[uncategorized_text]} (submitted at once, as by default).
     *
     * @throws Refusal when the dispute is closed
     */
    JsonObject evidence(String disputeId, String text, @Nullable String account, List<JsonObject> events) {
        JsonObject d = Objects.requireNonNull(disputes.get(disputeId), disputeId);
        if (CLOSED.contains(d.get("status").getAsString())) {
            throw new Refusal(400, "dispute_already_closed", "This dispute is already closed.");
        }
        boolean winning = "winning_evidence".equals(text);
        boolean losing = "losing_evidence".equals(text);
        boolean inquiry = d.get("status").getAsString().startsWith("warning_");
        if (inquiry && losing) {
            move(d, "needs_response", "charge.dispute.updated", account, events);
            events.add(StripeJson.event("charge.dispute.funds_withdrawn", d.deepCopy(), account));
            return d.deepCopy();
        }
        move(d, inquiry ? "warning_under_review" : "under_review", "charge.dispute.updated", account, events);
        if (winning || losing) {
            move(d, inquiry ? "warning_closed" : winning ? "won" : "lost", "charge.dispute.closed", account, events);
            if (!inquiry && winning) {
                events.add(StripeJson.event("charge.dispute.funds_reinstated", d.deepCopy(), account));
            }
        }
        return d.deepCopy();
    }

    @Nullable
    JsonObject dispute(String disputeId) {
        return disputes.get(disputeId);
    }

    /** The disputes of a PaymentIntent (at most one here). */
    JsonArray disputesOf(@Nullable String intentId) {
        JsonArray data = new JsonArray();
        disputes.values().stream()
                .filter(d -> d.get("payment_intent").getAsString().equals(intentId))
                .forEach(d -> data.add(d.deepCopy()));
        return data;
    }

    private @Nullable JsonObject disputeOf(String intentId) {
        return disputes.values().stream()
                .filter(d -> d.get("payment_intent").getAsString().equals(intentId))
                .findFirst()
                .orElse(null);
    }

    private static void move(
            JsonObject d, String status, String type, @Nullable String account, List<JsonObject> events) {
        d.addProperty("status", status);
        d.addProperty("is_charge_refundable", status.startsWith("warning_"));
        events.add(StripeJson.event(type, d.deepCopy(), account));
    }

    private static boolean fundsWithdrawn(JsonObject dispute) {
        String status = dispute.get("status").getAsString();
        return status.equals("needs_response") || status.equals("under_review") || status.equals("lost");
    }

    private long refunded(JsonObject charge) {
        return refundsByCharge.getOrDefault(charge.get("id").getAsString(), List.of()).stream()
                .filter(r -> !"failed".equals(r.get("status").getAsString())
                        && !"canceled".equals(r.get("status").getAsString()))
                .mapToLong(r -> r.get("amount").getAsLong())
                .sum();
    }

    private void refresh(JsonObject charge) {
        long refunded = refunded(charge);
        charge.addProperty("amount_refunded", refunded);
        charge.addProperty("refunded", refunded >= charge.get("amount").getAsLong());
    }
}

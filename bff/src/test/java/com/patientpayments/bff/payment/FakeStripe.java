package com.patientpayments.bff.payment;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.patientpayments.bff.demo.StripeJson;
import com.patientpayments.bff.demo.StripeStandIn;
import com.stripe.Stripe;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo's Stripe stand-in ({@link StripeStandIn}, the local HTTP server the real stripe-java talks to) with the
 * controls webhook-path tests need: it records every request (method, path, headers, body) so tests can inspect what
 * left the BFF; {@link #setUnavailable} makes it answer 500 like an outage; tests drive the intents', refunds' and
 * disputes' fate directly ({@link #succeed}, {@link #fail}, {@link #createRefund}, {@link #setRefundStatus}) and
 * build the matching Stripe events themselves, in the current API shapes (a Charge without embedded refunds) or an
 * older pinned version's ({@link #refundEvent}, with the refunds embedded). It delivers no events of its own.
 */
public final class FakeStripe extends StripeStandIn {

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile boolean unavailable;

    public FakeStripe() throws IOException {
        super(0, null, null, "unused");
    }

    @Override
    protected void received(Recorded request) {
        requests.add(request);
    }

    @Override
    protected boolean unavailable() {
        return unavailable;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The intent created for a payment attempt (its opaque metadata), or null. */
    public String intentOfAttempt(String attemptId) {
        return intentStates().stream()
                .filter(i -> i.getAsJsonObject("metadata").has("attempt_id")
                        && attemptId.equals(
                                i.getAsJsonObject("metadata").get("attempt_id").getAsString()))
                .map(i -> i.get("id").getAsString())
                .findFirst()
                .orElse(null);
    }

    public int intentCount() {
        return intentStates().size();
    }

    /** Marks an intent paid with a card, as Stripe would after confirmation. */
    public void succeed(String intentId) {
        settle(intentId, null, "4242");
    }

    /** Marks an intent declined ({@code decline_code}). */
    public void fail(String intentId, String declineCode) {
        settle(intentId, declineCode, "4242");
    }

    /** A Stripe event of {@code type} whose object is the intent in the given state (as when it was sent). */
    public String intentEvent(String type, String intentId, JsonObject intentState) {
        return event(type, intentState.deepCopy(), accountOf(intentId));
    }

    public synchronized JsonObject intent(String intentId) {
        return intentState(intentId).deepCopy();
    }

    /** {@code charge.refunded} with the charge's refunds so far (embedded) plus a new one of {@code amountCents}. */
    public synchronized String refundEvent(String intentId, String refundId, long amountCents) {
        createRefund(intentId, refundId, amountCents, "succeeded", Instant.now().getEpochSecond());
        return chargeRefundedEventWithEmbeddedRefunds(intentId, Stripe.API_VERSION);
    }

    /** {@code charge.dispute.created} / {@code charge.dispute.closed} with Stripe's dispute status. */
    public String disputeEvent(String type, String intentId, String disputeId, long amountCents, String status) {
        JsonObject dispute = StripeJson.dispute(disputeId, intent(intentId), amountCents, status, "fraudulent");
        return event(type, dispute, accountOf(intentId));
    }

    /**
     * An intent created outside the BFF (the Dashboard, another integration), optionally carrying an
     * {@code attempt_id} in its metadata; answers its id.
     */
    public String createIntent(long amountCents, String attemptIdOrNull) {
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
    public JsonObject createRefund(String intentId, String refundId, long amountCents, String status, long created) {
        return addRefund(intentId, refundId, amountCents, status, Instant.ofEpochSecond(created));
    }

    /** The refund as Stripe has it now. */
    public JsonObject refund(String refundId) {
        return refundState(refundId);
    }

    /**
     * A refund event ({@code refund.created}, {@code refund.updated}, {@code refund.failed},
     * {@code charge.refund.updated}) of a refund state.
     */
    public String refundObjectEvent(String type, JsonObject refundState) {
        return event(
                type,
                refundState.deepCopy(),
                accountOf(refundState.get("payment_intent").getAsString()));
    }

    /** {@code charge.refunded} in the current API shape: the charge with {@code amount_refunded}, no refunds list. */
    public synchronized String chargeRefundedEvent(String intentId) {
        JsonObject charge =
                intentState(intentId).getAsJsonObject("latest_charge").deepCopy();
        return event("charge.refunded", charge, accountOf(intentId));
    }

    /** The same event as an older pinned API version shapes it: the charge embeds its refunds. */
    public synchronized String chargeRefundedEventWithEmbeddedRefunds(String intentId, String apiVersion) {
        JsonObject charge =
                intentState(intentId).getAsJsonObject("latest_charge").deepCopy();
        String chargeId = charge.get("id").getAsString();
        charge.add("refunds", StripeJson.list(refundsOfCharge(chargeId), "/v1/charges/" + chargeId + "/refunds"));
        JsonObject event = JsonParser.parseString(event("charge.refunded", charge, accountOf(intentId)))
                .getAsJsonObject();
        event.addProperty("api_version", apiVersion);
        return event.toString();
    }

    /** A dispute object at {@code status}, for {@link #disputeObjectEvent}. */
    public JsonObject dispute(String intentId, String disputeId, long amountCents, String status) {
        return JsonParser.parseString(disputeEvent("x", intentId, disputeId, amountCents, status))
                .getAsJsonObject()
                .getAsJsonObject("data")
                .getAsJsonObject("object");
    }

    /** Any dispute event type ({@code charge.dispute.funds_withdrawn}, …) for a dispute state. */
    public String disputeObjectEvent(String type, JsonObject disputeState) {
        return event(
                type,
                disputeState.deepCopy(),
                accountOf(disputeState.get("payment_intent").getAsString()));
    }

    private static String event(String type, JsonObject object, String account) {
        JsonObject event = StripeJson.event(type, object, account);
        event.remove("request");
        return event.toString();
    }

    static Map<String, String> form(String encoded) {
        return StripeJson.form(encoded);
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

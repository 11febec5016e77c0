package com.patientpayments.bff.payment;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import io.micronaut.core.annotation.Nullable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's card processor (no {@code STRIPE_SECRET_KEY}): keeps its intents, refunds and disputes in memory, with
 * Stripe's id and client-secret shapes, and makes {@link SimulatedWebhookSender} deliver Stripe-format signed events
 * to our own webhook endpoint, so everything after the card form is the production path. Stripe's test cards drive
 * the outcome (see {@link #CARDS} and {@link SimulatedClaims}).
 */
public class SimulatedPaymentProvider implements PaymentProvider {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** What a test card does after confirmation. */
    enum Later {
        NOTHING,
        REFUNDS_FAIL,
        DISPUTE,
        INQUIRY
    }

    /** Stripe's test cards the simulator knows: number → outcome (stripe.com/docs/testing). */
    static final Map<String, Outcome> CARDS = Map.of(
            "4242424242424242", new Outcome(true, "visa", "4242", null, Later.NOTHING, null),
            "4000000000000002", new Outcome(false, "visa", "0002", "card_declined", Later.NOTHING, null),
            "4000000000009995", new Outcome(false, "visa", "9995", "insufficient_funds", Later.NOTHING, null),
            "4000000000005126", new Outcome(true, "visa", "5126", null, Later.REFUNDS_FAIL, null),
            "4000000000000259", new Outcome(true, "visa", "0259", null, Later.DISPUTE, "fraudulent"),
            "4000000000002685", new Outcome(true, "visa", "2685", null, Later.DISPUTE, "product_not_received"),
            "4000000000001976", new Outcome(true, "visa", "1976", null, Later.INQUIRY, "fraudulent"));

    private final Map<String, SimIntent> intents = new ConcurrentHashMap<>();
    private final Map<String, String> intentByAttempt = new ConcurrentHashMap<>();
    private final Map<String, String> intentByCharge = new ConcurrentHashMap<>();
    private final SimulatedWebhookSender sender;
    private final SimulatedClaims claims;

    public SimulatedPaymentProvider(SimulatedWebhookSender sender) {
        this.sender = sender;
        this.claims = new SimulatedClaims(sender);
    }

    @Override
    public String name() {
        return "SIMULATED";
    }

    @Override
    public CreatedIntent createIntent(String attemptId, long amountCents, String currency, @Nullable String account) {
        String intentId = intentByAttempt.computeIfAbsent(attemptId, a -> {
            String id = "pi_" + random(24);
            intents.put(
                    id,
                    new SimIntent(
                            id,
                            a,
                            amountCents,
                            currency,
                            account,
                            id + "_secret_" + random(24),
                            Instant.now(),
                            "requires_payment_method",
                            null,
                            null,
                            null,
                            null,
                            Later.NOTHING));
            return id;
        });
        // The computeIfAbsent above put it (intents are never removed).
        SimIntent intent = Objects.requireNonNull(intents.get(intentId));
        return new CreatedIntent(intent.id(), intent.clientSecret());
    }

    @Override
    public String clientSecret(String intentId, @Nullable String account) {
        SimIntent intent = intents.get(intentId);
        if (intent == null) {
            // The simulator keeps intents in memory: a restart forgets them.
            throw new PaymentsException(ErrorCode.NOT_FOUND, "This payment has expired. Please start a new one.");
        }
        return intent.clientSecret();
    }

    @Override
    public Optional<IntentSnapshot> retrieve(String intentId, @Nullable String account) {
        return Optional.ofNullable(intents.get(intentId)).map(SimIntent::snapshot);
    }

    @Override
    public List<IntentSnapshot> listSucceeded(Instant from, Instant to, @Nullable String account) {
        return intents.values().stream()
                .filter(i -> "succeeded".equals(i.status())
                        && !i.created().isBefore(from)
                        && i.created().isBefore(to))
                .map(SimIntent::snapshot)
                .toList();
    }

    @Override
    public List<RefundSnapshot> refundsOfCharge(String chargeId, @Nullable String account) {
        String intentId = intentByCharge.get(chargeId);
        return intentId == null ? List.of() : claims.refundsOf(intentId);
    }

    @Override
    public Optional<String> intentOfCharge(String chargeId, @Nullable String account) {
        return Optional.ofNullable(intentByCharge.get(chargeId));
    }

    @Override
    public RefundSnapshot refund(
            String intentId,
            long amountCents,
            String idempotencyKey,
            @Nullable String reason,
            @Nullable String account) {
        SimIntent intent = intents.get(intentId);
        if (intent == null) {
            throw new ProviderRefusedException("The payment is not known to the card processor.");
        }
        return claims.refund(intent, amountCents, idempotencyKey, reason, intent.later() == Later.REFUNDS_FAIL);
    }

    /**
     * Confirms an intent with a test card number (spaces allowed) and delivers the resulting signed event to the
     * webhook endpoint. A succeeded intent stays succeeded (confirming again sends nothing new); a declined one may be
     * confirmed again. A dispute or inquiry card opens its dispute a moment later.
     */
    public void confirm(String intentId, String cardNumber) {
        String digits = cardNumber == null ? "" : cardNumber.replace(" ", "");
        Outcome outcome = CARDS.get(digits);
        if (outcome == null) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT,
                    "Use a test card: 4242 4242 4242 4242 (declined: 4000 0000 0000 0002, insufficient funds:"
                            + " 4000 0000 0000 9995; refunds fail: 4000 0000 0000 5126; disputed: 4000 0000 0000 0259;"
                            + " inquiry: 4000 0000 0000 1976).");
        }
        SimIntent current = intents.get(intentId);
        if (current == null) {
            throw new PaymentsException(ErrorCode.NOT_FOUND, "We could not find that payment.");
        }
        if ("succeeded".equals(current.status())) {
            return;
        }
        String chargeId = "ch_" + random(24);
        SimIntent updated = intents.computeIfPresent(
                intentId,
                (id, i) -> "succeeded".equals(i.status())
                        ? i
                        : new SimIntent(
                                i.id(),
                                i.attemptId(),
                                i.amountCents(),
                                i.currency(),
                                i.account(),
                                i.clientSecret(),
                                i.created(),
                                outcome.succeeds() ? "succeeded" : "requires_payment_method",
                                chargeId,
                                outcome.brand(),
                                outcome.last4(),
                                outcome.failureCode(),
                                outcome.later()));
        intentByCharge.put(updated.chargeId(), intentId);
        sender.deliver(updated, Instant.now());
        if (outcome.succeeds() && (outcome.later() == Later.DISPUTE || outcome.later() == Later.INQUIRY)) {
            // Every test card that opens a dispute or an inquiry names its reason (OUTCOMES above).
            claims.openLater(
                    updated, outcome.later() == Later.INQUIRY, Objects.requireNonNull(outcome.disputeReason()));
        }
    }

    /** Submits dispute evidence for a payment ({@code winning_evidence} / {@code losing_evidence}). */
    public void disputeEvidence(String intentId, String evidence) {
        SimIntent intent = intents.get(intentId);
        if (intent == null) {
            throw new ProviderRefusedException("The payment is not known to the card processor.");
        }
        claims.evidence(intent, evidence);
    }

    @Override
    public void close() {
        claims.close();
    }

    static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** A test card's outcome. */
    record Outcome(
            boolean succeeds,
            String brand,
            String last4,
            @Nullable String failureCode,
            Later later,
            @Nullable String disputeReason) {}

    /** One simulated PaymentIntent; immutable, replaced on each state change. */
    record SimIntent(
            String id,
            String attemptId,
            long amountCents,
            String currency,
            @Nullable String account,
            String clientSecret,
            Instant created,
            String status,
            @Nullable String chargeId,
            @Nullable String brand,
            @Nullable String last4,
            @Nullable String failureCode,
            Later later) {

        IntentSnapshot snapshot() {
            return new IntentSnapshot(
                    id,
                    status,
                    amountCents,
                    currency.toUpperCase(java.util.Locale.ROOT),
                    brand == null ? null : brand.toUpperCase(java.util.Locale.ROOT),
                    last4,
                    created,
                    "succeeded".equals(status) ? created : null,
                    failureCode,
                    failureCode == null ? null : FailureReasons.patientMessage(failureCode),
                    attemptId);
        }
    }
}

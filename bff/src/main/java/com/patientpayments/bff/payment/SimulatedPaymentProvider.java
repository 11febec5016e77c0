package com.patientpayments.bff.payment;

import com.patientpayments.bff.graphql.ApiException;
import com.patientpayments.bff.graphql.ErrorCode;
import io.micronaut.core.annotation.Nullable;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's card processor (no {@code STRIPE_SECRET_KEY}): keeps its intents in memory, with Stripe's id and
 * client-secret shapes, and on confirmation makes {@link SimulatedWebhookSender} deliver Stripe-format signed events
 * to our own webhook endpoint, so everything after the card form is the production path.
 */
public class SimulatedPaymentProvider implements PaymentProvider {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Stripe's test cards the simulator knows: number → outcome. */
    private static final Map<String, Outcome> CARDS = Map.of(
            "4242424242424242", new Outcome(true, "visa", "4242", null),
            "4000000000000002", new Outcome(false, "visa", "0002", "card_declined"),
            "4000000000009995", new Outcome(false, "visa", "9995", "insufficient_funds"));

    private final Map<String, SimIntent> intents = new ConcurrentHashMap<>();
    private final Map<String, String> intentByAttempt = new ConcurrentHashMap<>();
    private final SimulatedWebhookSender sender;

    public SimulatedPaymentProvider(SimulatedWebhookSender sender) {
        this.sender = sender;
    }

    @Override
    public String name() {
        return "SIMULATED";
    }

    @Override
    public CreatedIntent createIntent(String attemptId, long amountCents, String currency, @Nullable String account) {
        String intentId = intentByAttempt.computeIfAbsent(attemptId, a -> {
            String id = "pi_" + random(24);
            intents.put(id, new SimIntent(id, a, amountCents, currency, account, id + "_secret_" + random(24),
                    Instant.now(), "requires_payment_method", null, null, null, null));
            return id;
        });
        SimIntent intent = intents.get(intentId);
        return new CreatedIntent(intent.id(), intent.clientSecret());
    }

    @Override
    public String clientSecret(String intentId, @Nullable String account) {
        SimIntent intent = intents.get(intentId);
        if (intent == null) {
            // The simulator keeps intents in memory: a restart forgets them.
            throw new ApiException(ErrorCode.NOT_FOUND, "This payment has expired. Please start a new one.");
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
                .filter(i -> "succeeded".equals(i.status()) && !i.created().isBefore(from) && i.created().isBefore(to))
                .map(SimIntent::snapshot).toList();
    }

    @Override
    public List<RefundSnapshot> refundsOfCharge(String chargeId, @Nullable String account) {
        return List.of();
    }

    /**
     * Confirms an intent with a test card number (spaces allowed) and delivers the resulting signed event to the
     * webhook endpoint. A succeeded intent stays succeeded (confirming again sends nothing new).
     */
    public void confirm(String intentId, String cardNumber) {
        String digits = cardNumber == null ? "" : cardNumber.replace(" ", "");
        Outcome outcome = CARDS.get(digits);
        if (outcome == null) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT,
                    "Use a test card: 4242 4242 4242 4242, 4000 0000 0000 0002 or 4000 0000 0000 9995.");
        }
        SimIntent current = intents.get(intentId);
        if (current == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "We could not find that payment.");
        }
        if ("succeeded".equals(current.status())) {
            return;
        }
        SimIntent updated = intents.computeIfPresent(intentId, (id, i) -> "succeeded".equals(i.status()) ? i
                : new SimIntent(i.id(), i.attemptId(), i.amountCents(), i.currency(), i.account(), i.clientSecret(),
                        i.created(), outcome.succeeds() ? "succeeded" : "requires_payment_method",
                        "ch_" + random(24), outcome.brand(), outcome.last4(), outcome.failureCode()));
        sender.deliver(updated, Instant.now());
    }

    static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private record Outcome(boolean succeeds, String brand, String last4, @Nullable String failureCode) {
    }

    /** One simulated PaymentIntent; immutable, replaced on each state change. */
    record SimIntent(String id, String attemptId, long amountCents, String currency, @Nullable String account,
                     String clientSecret, Instant created, String status, @Nullable String chargeId,
                     @Nullable String brand, @Nullable String last4, @Nullable String failureCode) {

        IntentSnapshot snapshot() {
            return new IntentSnapshot(id, status, amountCents, currency.toUpperCase(java.util.Locale.ROOT),
                    brand == null ? null : brand.toUpperCase(java.util.Locale.ROOT), last4, created,
                    "succeeded".equals(status) ? created : null, failureCode,
                    failureCode == null ? null : FailureReasons.patientMessage(failureCode));
        }
    }
}

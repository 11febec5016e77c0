package com.patientpayments.bff.payment;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The card processor as payments see it: Stripe through stripe-java (Stripe itself, or for the demo its local
 * stand-in, see {@link StripeEndpoint}). Only opaque
 * references ever cross this boundary — amounts, the attempt id, provider ids — never names, account numbers or
 * procedures. Every call may throw {@link ProviderException} when the processor refuses or cannot be reached.
 */
public interface PaymentProvider extends AutoCloseable {

    /** {@code STRIPE} or {@code SIMULATED} (the contract's {@code PaymentSession.provider}). */
    String name();

    /**
     * Creates the PaymentIntent of an attempt. Idempotent by attempt id: asking twice returns the same intent.
     *
     * @param account the practice's connected account, or null for the platform account
     */
    CreatedIntent createIntent(String attemptId, long amountCents, String currency, @Nullable String account);

    /** The client secret of an intent created earlier (a repeated start of the same attempt). */
    String clientSecret(String intentId, @Nullable String account);

    /** The intent as the provider knows it now; empty when the provider does not know it. */
    Optional<IntentSnapshot> retrieve(String intentId, @Nullable String account);

    /** Succeeded intents created in {@code [from, to)} on the given account (null: the platform). */
    List<IntentSnapshot> listSucceeded(Instant from, Instant to, @Nullable String account);

    /** Refunds of a charge at their current status, for events whose charge does not embed its refunds. */
    List<RefundSnapshot> refundsOfCharge(String chargeId, @Nullable String account);

    /** The PaymentIntent a charge belongs to (older event shapes name only the charge); empty when unknown. */
    Optional<String> intentOfCharge(String chargeId, @Nullable String account);

    /**
     * Refunds {@code amountCents} of a succeeded intent (the practice console's refund; the demo control).
     * Idempotent by {@code idempotencyKey}: asking twice returns the same refund. The ledger learns of it from the
     * provider's events, like any other refund.
     *
     * @param reason Stripe's {@code duplicate}, {@code fraudulent} or {@code requested_by_customer}, or null
     */
    RefundSnapshot refund(
            String intentId,
            long amountCents,
            String idempotencyKey,
            @Nullable String reason,
            @Nullable String account);

    /** The demo controls, present only in {@code SIMULATED} mode. */
    default Optional<TestModeControls> testModeControls() {
        return Optional.empty();
    }

    /** Releases what the provider holds; nothing for Stripe. */
    @Override
    default void close() {}

    /** An intent just created: what the browser needs. */
    record CreatedIntent(String intentId, String clientSecret) {}

    /**
     * A refund at its current status ({@code pending}, {@code requires_action}, {@code succeeded}, {@code failed},
     * {@code canceled}); {@code created} is the provider's creation time, when known.
     */
    record RefundSnapshot(
            String id,
            long amountCents,
            String status,
            @Nullable Instant created,
            @Nullable String paymentIntent) {}
}

package com.patientpayments.bff.payment;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The card processor as payments see it: Stripe (stripe-java) or, for the demo, the in-process simulator. Only opaque
 * references ever cross this boundary — amounts, the attempt id — never names, account numbers or procedures.
 */
public interface PaymentProvider {

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

    /** Refunds of a charge, for events whose charge does not embed its refunds. */
    List<RefundSnapshot> refundsOfCharge(String chargeId, @Nullable String account);

    /** An intent just created: what the browser needs. */
    record CreatedIntent(String intentId, String clientSecret) {
    }

    /** A refund of a charge; {@code status} as Stripe spells it ({@code succeeded}, {@code pending}, {@code failed}). */
    record RefundSnapshot(String id, long amountCents, String status) {
    }
}

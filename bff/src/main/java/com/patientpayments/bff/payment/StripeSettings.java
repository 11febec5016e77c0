package com.patientpayments.bff.payment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The card processor.
 *
 * @param secretKey       Stripe secret key (env {@code STRIPE_SECRET_KEY}); absent: the {@code SIMULATED} mode
 *                        against the demo's local Stripe stand-in ({@link StripeEndpoint}), or no start without one
 * @param publishableKey  Stripe publishable key for Stripe.js (env {@code STRIPE_PUBLISHABLE_KEY})
 * @param apiBase         Stripe API base URL override (env {@code STRIPE_API_BASE}); tests point it at a local fake
 * @param currency        currency of every payment; default {@code usd}
 * @param minimumCents    the processor's smallest charge; default 50 (Stripe's USD minimum)
 * @param timeout         connect and read timeout of calls to Stripe; default 10 s
 */
@ConfigurationProperties("payments.stripe")
public record StripeSettings(
        @Nullable String secretKey,
        @Nullable String publishableKey,
        @Nullable String apiBase,
        @Bindable(defaultValue = "usd") String currency,
        @Bindable(defaultValue = "50") long minimumCents,
        @Bindable(defaultValue = "10s") Duration timeout) {

    /** @throws IllegalStateException (at startup) when the currency is blank or the minimum is not positive */
    public StripeSettings {
        secretKey = blankToNull(secretKey);
        publishableKey = blankToNull(publishableKey);
        apiBase = blankToNull(apiBase);
        if (currency == null || currency.isBlank()) {
            throw new IllegalStateException("payments.stripe.currency must name a currency (ISO 4217, e.g. usd)");
        }
        currency = currency.trim().toLowerCase(Locale.ROOT);
        if (minimumCents <= 0) {
            throw new IllegalStateException("payments.stripe.minimum-cents must be a positive number of cents");
        }
        Objects.requireNonNull(timeout, "payments.stripe.timeout");
    }

    /** Whether a Stripe key is configured (mode {@code STRIPE}); otherwise the demo's stand-in is used. */
    public boolean stripeMode() {
        return secretKey != null;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package com.patientpayments.bff.payment;

import io.micronaut.core.annotation.Nullable;

/**
 * The card processor answered and refused the request (a refund above what is refundable, of a disputed or unpaid
 * charge). The message says why, for staff and the demo controls; it never carries request data.
 */
public class ProviderRefusedException extends ProviderException {
    private final String reason;
    private final @Nullable String code;

    public ProviderRefusedException(String message) {
        this(message, null);
    }

    /** A refusal with Stripe's error {@code code} ({@code amount_too_large}, {@code charge_disputed}, …). */
    public ProviderRefusedException(String message, @Nullable String code) {
        super(message, null);
        this.reason = message;
        this.code = code;
    }

    /** Stripe's error code, when it gave one. */
    public @Nullable String code() {
        return code;
    }

    /** Why the processor refused (the exception's message, never null). */
    public String reason() {
        return reason;
    }
}

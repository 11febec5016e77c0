package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Optional;

/**
 * A dispute's status as Stripe reports it and the connector records it ({@code needs_response}, …). Inquiries
 * ({@code warning_*}) move no money; {@code needs_response}, {@code under_review} and {@code lost} have the funds
 * withdrawn.
 */
public enum DisputeStatus {
    WARNING_NEEDS_RESPONSE,
    WARNING_UNDER_REVIEW,
    WARNING_CLOSED,
    NEEDS_RESPONSE,
    UNDER_REVIEW,
    WON,
    LOST,
    PREVENTED;

    /** Stripe's spelling, e.g. {@code warning_needs_response}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status for Stripe's spelling; empty for one this version does not know. */
    public static Optional<DisputeStatus> of(@Nullable String stripe) {
        if (stripe == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(stripe.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

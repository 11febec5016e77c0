package com.patientpayments.emr.ledger;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * Request bodies of the ledger endpoints; validated by the controllers (every field may arrive missing). Amounts are
 * read as decimals so that fractions and numbers beyond {@code long} get a precise 400 instead of being truncated.
 */
public final class Requests {
    private Requests() {
    }

    @Serdeable
    public record CreateAttempt(String householdId, BigDecimal amountCents, String idempotencyKey) {
    }

    @Serdeable
    public record SetIntent(String providerIntentId) {
    }

    @Serdeable
    public record Failure(String eventId, String failureCode, String failureMessage) {
    }

    @Serdeable
    public record PostTransaction(String providerReference, String eventId, BigDecimal amountCents, String currency,
                           String methodBrand, String methodLast4, String paidAt) {
    }

    /** {@code status}: Stripe's refund status, default {@code succeeded}; {@code createdAt}: the provider's, ISO-8601. */
    @Serdeable
    public record Refund(String refundId, BigDecimal amountCents, String status, String createdAt, String eventId) {
    }

    /** {@code status}: Stripe's dispute status ({@code needs_response}, …) or the older OPENED / WON / LOST. */
    @Serdeable
    public record Dispute(String disputeId, BigDecimal amountCents, String status, String eventId) {
    }
}

package com.patientpayments.emr.ledger;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the ledger endpoints; validated by the controllers (every field may arrive missing). Amounts are
 * read as decimals so that fractions and numbers beyond {@code long} get a precise 400 instead of being truncated.
 */
public final class Requests {
    private Requests() {}

    @Serdeable
    public record CreateAttempt(
            @Nullable String householdId,
            @Nullable BigDecimal amountCents,
            @Nullable String idempotencyKey) {}

    @Serdeable
    public record SetIntent(@Nullable String providerIntentId) {}

    @Serdeable
    public record Failure(
            @Nullable String eventId,
            @Nullable String failureCode,
            @Nullable String failureMessage) {}

    @Serdeable
    public record PostTransaction(
            @Nullable String providerReference,
            @Nullable String eventId,
            @Nullable BigDecimal amountCents,
            @Nullable String currency,
            @Nullable String methodBrand,
            @Nullable String methodLast4,
            @Nullable String paidAt) {}

    /** {@code status}: Stripe's refund status, default {@code succeeded}; {@code createdAt}: the provider's, ISO-8601. */
    @Serdeable
    public record Refund(
            @Nullable String refundId,
            @Nullable BigDecimal amountCents,
            @Nullable String status,
            @Nullable String createdAt,
            @Nullable String eventId) {}

    /** {@code status}: Stripe's dispute status ({@code needs_response}, …) or the older OPENED / WON / LOST. */
    @Serdeable
    public record Dispute(
            @Nullable String disputeId,
            @Nullable BigDecimal amountCents,
            @Nullable String status,
            @Nullable String eventId) {}
}

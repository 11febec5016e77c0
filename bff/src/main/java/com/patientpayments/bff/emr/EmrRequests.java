package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** Request bodies the BFF sends to the connector (emr-connector/API.md); cents are longs. */
public final class EmrRequests {
    private EmrRequests() {}

    /** {@code POST /payment-attempts}. */
    @Serdeable
    public record NewAttempt(String householdId, long amountCents, String idempotencyKey) {}

    /** {@code PUT /payment-attempts/{id}/intent}. */
    @Serdeable
    public record IntentRef(String providerIntentId) {}

    /** {@code POST /payment-attempts/{id}/failure}. */
    @Serdeable
    public record AttemptFailure(
            @Nullable String eventId,
            String failureCode,
            @Nullable String failureMessage) {}

    /** {@code POST /transactions}. */
    @Serdeable
    public record NewTransaction(
            String providerReference,
            @Nullable String eventId,
            long amountCents,
            String currency,
            @Nullable String methodBrand,
            @Nullable String methodLast4,
            Instant paidAt) {}

    /** A refund as the provider reports it ({@code status} in Stripe's spelling). */
    @Serdeable
    public record RefundReport(
            String refundId,
            long amountCents,
            String status,
            @Nullable Instant createdAt,
            @Nullable String eventId) {}

    /** A dispute as the provider reports it. */
    @Serdeable
    public record DisputeReport(
            String disputeId,
            long amountCents,
            String status,
            @Nullable String eventId) {}
}

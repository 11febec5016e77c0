package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A posted transaction (emr-connector/API.md "Transaction"). {@code allocations} (omitted in lists) are what the
 * posting applied, in allocation order; {@code refundedCents} counts refunds in effect.
 */
@Serdeable
public record EmrTransaction(
        String id,
        String providerReference,
        String practiceId,
        String householdId,
        @Nullable String attemptId,
        @Nullable String source,
        TransactionStatus status,
        long amountCents,
        long appliedCents,
        long creditCents,
        long refundedCents,
        String currency,
        @Nullable String methodBrand,
        @Nullable String methodLast4,
        Instant paidAt,
        Instant createdAt,
        @Nullable List<Allocation> allocations) {

    /** What the posting applied to one charge and its balance right after. */
    @Serdeable
    public record Allocation(String chargeId, long appliedCents, long chargeBalanceAfterCents) {}
}

package com.patientpayments.emr.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A posted transaction (API.md "Transaction"). {@code appliedCents}/{@code creditCents} are what the posting applied
 * and left as credit; {@code allocations} (omitted in lists) are the posting's applications in allocation order.
 */
@Serdeable
public record TransactionView(
        String id,
        String providerReference,
        String practiceId,
        String householdId,
        @Nullable String attemptId,
        String source,
        TransactionStatus status,
        long amountCents,
        long appliedCents,
        long creditCents,
        long refundedCents,
        String currency,
        @Nullable String methodBrand,
        @Nullable String methodLast4,
        String paidAt,
        String createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Allocation> allocations) {

    /** What the posting applied to one charge and the charge's balance right after. */
    @Serdeable
    public record Allocation(String chargeId, long appliedCents, long chargeBalanceAfterCents) {}

    TransactionView withoutAllocations() {
        return new TransactionView(
                id,
                providerReference,
                practiceId,
                householdId,
                attemptId,
                source,
                status,
                amountCents,
                appliedCents,
                creditCents,
                refundedCents,
                currency,
                methodBrand,
                methodLast4,
                paidAt,
                createdAt,
                null);
    }
}

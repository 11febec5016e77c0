package com.patientpayments.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A posted transaction (API.md "Transaction"; {@code POST /api/v1/transactions}, its reads and lists). Amounts in
 * cents: {@code appliedCents}/{@code creditCents} are what the posting applied and left as credit,
 * {@code refundedCents} counts refunds in effect. The instants are written as ISO-8601 strings (as
 * {@link Instant#toString()} writes them).
 *
 * @param id                the transaction's id (UUID)
 * @param providerReference the payment provider's id of the payment
 * @param practiceId        the practice's id (UUID)
 * @param householdId       the household's id (UUID)
 * @param attemptId         the payment attempt it settled; null for a payment not made online through an attempt
 * @param source            where the payment came from ({@code ONLINE_PATIENT_PAYMENT}…)
 * @param status            derived from its refunds and disputes
 * @param amountCents       what the patient paid
 * @param appliedCents      what the posting applied to charges
 * @param creditCents       what the posting left as household credit
 * @param refundedCents     refunds in effect
 * @param currency          ISO 4217 code ({@code USD})
 * @param methodBrand       the card brand, null when the provider gave none
 * @param methodLast4       the card's last four digits, null when the provider gave none
 * @param paidAt            when it was paid
 * @param createdAt         when the ledger recorded it
 * @param allocations       the posting's applications in allocation order; null (the key omitted) in lists
 */
@Introspected
@Serdeable
public record Transaction(
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
        Instant paidAt,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Allocation> allocations) {

    /**
     * This transaction with its allocations.
     *
     * @param allocations the posting's applications in allocation order
     * @return a copy with {@code allocations} set
     */
    public Transaction withAllocations(List<Allocation> allocations) {
        return new Transaction(
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
                allocations);
    }

    /** What the posting applied to one charge and the charge's balance right after (cents). */
    @Introspected
    @Serdeable
    public record Allocation(String chargeId, long appliedCents, long chargeBalanceAfterCents) {}
}

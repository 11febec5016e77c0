package com.patientpayments.bff.payment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The connector's payment, ledger, refund and dispute bodies (see {@code emr-connector/API.md}); cents are longs. */
public final class LedgerDtos {
    private LedgerDtos() {
    }

    @Serdeable
    public record NewAttempt(String householdId, long amountCents, String idempotencyKey) {
    }

    @Serdeable
    public record PaymentAttempt(String id, String practiceId, String householdId, long amountCents, String currency,
                                 String idempotencyKey, @Nullable String providerIntentId, String status,
                                 @Nullable String failureCode, @Nullable String failureMessage,
                                 @Nullable String transactionId, @Nullable String createdAt,
                                 @Nullable String updatedAt) {
    }

    @Serdeable
    public record IntentRef(String providerIntentId) {
    }

    @Serdeable
    public record AttemptFailure(@Nullable String eventId, String failureCode, String failureMessage) {
    }

    @Serdeable
    public record NewTransaction(String providerReference, @Nullable String eventId, long amountCents, String currency,
                                 @Nullable String methodBrand, @Nullable String methodLast4, @Nullable String paidAt) {
    }

    @Serdeable
    public record Allocation(String chargeId, long appliedCents, long chargeBalanceAfterCents) {
    }

    @Serdeable
    public record Transaction(String id, String providerReference, String practiceId, String householdId,
                              @Nullable String attemptId, @Nullable String source, String status, long amountCents,
                              long appliedCents, long creditCents, long refundedCents, String currency,
                              @Nullable String methodBrand, @Nullable String methodLast4, @Nullable String paidAt,
                              @Nullable String createdAt, @Nullable List<Allocation> allocations) {
    }

    @Serdeable
    public record NewRefund(String refundId, long amountCents, @Nullable String eventId) {
    }

    @Serdeable
    public record NewDispute(String disputeId, long amountCents, String status, @Nullable String eventId) {
    }

    @Serdeable
    public record OpenCharges(String householdId, long balanceCents, long creditCents, String currency) {
    }

    @Serdeable
    public record PracticeAccount(String id, String hash, @Nullable String stripeAccountId) {
    }
}

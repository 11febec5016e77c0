package com.patientpayments.emr.ledger;

import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/** A payment attempt (API.md "PaymentAttempt"). */
@Serdeable
public record PaymentAttemptView(
        String id,
        String practiceId,
        String householdId,
        long amountCents,
        String currency,
        @Nullable String idempotencyKey,
        @Nullable String providerIntentId,
        AttemptStatus status,
        @Nullable String failureCode,
        @Nullable String failureMessage,
        @Nullable String transactionId,
        String createdAt,
        String updatedAt) {}

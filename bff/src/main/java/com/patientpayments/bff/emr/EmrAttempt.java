package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A payment attempt (emr-connector/API.md "PaymentAttempt"); cents are longs. */
@Serdeable
public record EmrAttempt(
        String id,
        String practiceId,
        String householdId,
        long amountCents,
        String currency,
        String idempotencyKey,
        @Nullable String providerIntentId,
        AttemptStatus status,
        @Nullable String failureCode,
        @Nullable String failureMessage,
        @Nullable String transactionId,
        Instant createdAt,
        Instant updatedAt) {}

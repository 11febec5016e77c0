package com.patientpayments.emr.ledger;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A payment attempt (API.md "PaymentAttempt"); the timestamps are written as ISO-8601 instants. Also the row type of
 * {@link AttemptRepository}'s {@code @Query} reads: the components are the columns of {@code payment_attempts}.
 */
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
        Instant createdAt,
        Instant updatedAt) {}

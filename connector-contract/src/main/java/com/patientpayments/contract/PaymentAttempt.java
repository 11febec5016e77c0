package com.patientpayments.contract;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A payment attempt (API.md "PaymentAttempt"); cents are longs, the instants are written as ISO-8601 strings (as
 * {@link Instant#toString()} writes them). Also the connector's row type of its attempt reads: the components are the
 * columns of {@code payment_attempts}.
 *
 * @param id               the attempt's id (UUID)
 * @param practiceId       the practice's id (UUID)
 * @param householdId      the household's id (UUID)
 * @param amountCents      the amount the patient chose
 * @param currency         ISO 4217 code ({@code USD})
 * @param idempotencyKey   the caller's idempotency key of the create
 * @param providerIntentId the provider's payment intent, null until one is attached
 * @param status           where the attempt stands
 * @param failureCode      the provider's failure code of the last failure, null when none
 * @param failureMessage   the provider's failure message of the last failure, null when none
 * @param transactionId    the posted transaction, null until it succeeded
 * @param createdAt        when it was created
 * @param updatedAt        when it last changed
 */
@Introspected
@Serdeable
public record PaymentAttempt(
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

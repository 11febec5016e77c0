package com.patientpayments.emr.ledger;

import io.micronaut.serde.annotation.Serdeable;

/** A payment attempt (API.md "PaymentAttempt"). */
@Serdeable
public record PaymentAttemptView(String id, String practiceId, String householdId, long amountCents, String currency,
                                 String idempotencyKey, String providerIntentId, AttemptStatus status,
                                 String failureCode, String failureMessage, String transactionId, String createdAt,
                                 String updatedAt) {
}

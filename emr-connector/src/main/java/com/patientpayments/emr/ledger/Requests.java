package com.patientpayments.emr.ledger;

import io.micronaut.serde.annotation.Serdeable;

/** Request bodies of the ledger endpoints; validated by the controllers (every field may arrive missing). */
public final class Requests {
    private Requests() {
    }

    @Serdeable
    public record CreateAttempt(String householdId, Long amountCents, String idempotencyKey) {
    }

    @Serdeable
    public record SetIntent(String providerIntentId) {
    }

    @Serdeable
    public record Failure(String eventId, String failureCode, String failureMessage) {
    }

    @Serdeable
    public record PostTransaction(String providerReference, String eventId, Long amountCents, String currency,
                           String methodBrand, String methodLast4, String paidAt) {
    }

    @Serdeable
    public record Refund(String refundId, Long amountCents, String eventId) {
    }

    @Serdeable
    public record Dispute(String disputeId, Long amountCents, String status, String eventId) {
    }
}

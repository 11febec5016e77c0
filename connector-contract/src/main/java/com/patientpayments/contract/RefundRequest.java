package com.patientpayments.contract;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * A refund request asked from the console, as the BFF needs it to ask the provider
 * ({@code POST /api/v1/console/practices/{id}/refund-requests} and its settlement). Also the connector's row projection
 * of {@code refund_requests} (the column aliases are the component names).
 *
 * @param id                the request's id (UUID)
 * @param transactionId     the refunded payment's ledger transaction id (UUID)
 * @param providerReference the payment's provider reference
 * @param stripeAccountId   the practice's connected account; null while it has none
 * @param amountCents       the amount asked, in cents
 * @param reason            {@code REQUESTED_BY_CUSTOMER}, {@code DUPLICATE}, {@code FRAUDULENT} or {@code OTHER}
 * @param status            {@code REQUESTED}, {@code SUBMITTED} or {@code REFUSED}
 * @param providerRefundId  the provider's refund id; null until it answered, and when it refused
 * @param created           whether this call recorded (or settled) the request; false when it was seen before
 */
@Introspected
@Serdeable
public record RefundRequest(
        String id,
        String transactionId,
        String providerReference,
        @Nullable String stripeAccountId,
        long amountCents,
        String reason,
        String status,
        @Nullable String providerRefundId,
        boolean created) {

    /**
     * This request with {@code created} set.
     *
     * @param created whether this call recorded or settled it
     * @return a copy
     */
    public RefundRequest withCreated(boolean created) {
        return new RefundRequest(
                id,
                transactionId,
                providerReference,
                stripeAccountId,
                amountCents,
                reason,
                status,
                providerRefundId,
                created);
    }
}

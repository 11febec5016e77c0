package com.patientpayments.emr.ledger;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A refund and what it currently takes back (API.md "Refund"): {@code status} is the provider's ({@code pending},
 * {@code requires_action}, {@code succeeded}, {@code failed}, {@code canceled}); {@code reversals} per charge and
 * {@code creditReversedCents} are empty/zero once a refund failed or was canceled (it was applied again).
 */
@Serdeable
public record RefundView(
        String refundId,
        String transactionId,
        long amountCents,
        String status,
        List<ChargeAmount> reversals,
        long creditReversedCents) {

    /** An amount on one charge. */
    @Serdeable
    public record ChargeAmount(String chargeId, long amountCents) {}
}

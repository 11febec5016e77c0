package com.patientpayments.emr.ledger;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A refund and what it reversed (API.md "Refund"). */
@Serdeable
public record RefundView(String refundId, String transactionId, long amountCents, List<ChargeAmount> reversals,
                         long creditReversedCents) {

    /** An amount on one charge. */
    @Serdeable
    public record ChargeAmount(String chargeId, long amountCents) {
    }
}

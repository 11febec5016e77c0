package com.patientpayments.emr.ledger;

import com.patientpayments.contract.Transaction;
import com.patientpayments.emr.practice.PracticeView;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Everything a receipt shows (API.md "ReceiptData"): lines grouped by patient (name order), then date of service;
 * {@code remainingCents} is the charge's balance right after this payment was applied; {@code balanceAfterCents} the
 * household's balance right after this payment was posted (see {@link Receipts#balanceAfter}).
 */
@Serdeable
public record ReceiptView(
        Transaction transaction,
        PracticeView practice,
        String guarantorName,
        List<Line> lines,
        List<Adjustment> adjustments,
        long balanceAfterCents) {

    /** One charge this payment paid (part of). */
    @Serdeable
    public record Line(
            String chargeId,
            String patientId,
            String patientName,
            String serviceDate,
            String procedureCode,
            String procedureName,
            String providerName,
            String locationName,
            long chargeAmountCents,
            long appliedCents,
            long remainingCents) {}

    /**
     * A later change: REFUND (a refund in effect; a failed or canceled one is not listed), DISPUTE_OPENED (funds
     * withdrawn; inquiries are not listed), DISPUTE_WON or DISPUTE_LOST.
     */
    @Serdeable
    public record Adjustment(String kind, long amountCents, String occurredAt, String reference) {}
}

package com.patientpayments.bff.emr;

import com.patientpayments.contract.PostalAddress;
import com.patientpayments.contract.PracticeLogo;
import com.patientpayments.contract.TransactionStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The connector's {@code ReceiptData} ({@code GET /api/v1/transactions/{id}/receipt}, see {@code emr-connector/API.md}):
 * only the fields the receipt uses. Unknown fields are ignored.
 */
@Serdeable
public record EmrReceipt(
        Transaction transaction,
        Practice practice,
        String guarantorName,
        @Nullable List<ReceiptLine> lines,
        @Nullable List<ReceiptAdjustment> adjustments,
        @Nullable Long balanceAfterCents) {

    @Serdeable
    public record Transaction(
            String id,
            String providerReference,
            String practiceId,
            String householdId,
            TransactionStatus status,
            long amountCents,
            long appliedCents,
            long creditCents,
            long refundedCents,
            @Nullable String currency,
            @Nullable String methodBrand,
            @Nullable String methodLast4,
            Instant paidAt) {}

    @Serdeable
    public record Practice(
            String id,
            String hash,
            String name,
            @Nullable String phone,
            @Nullable String phoneE164,
            @Nullable PostalAddress address,
            @Nullable String logoUrl,
            @Nullable String timeZone,
            @Nullable PracticeLogo logo) {}
}

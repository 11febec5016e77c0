package com.patientpayments.bff.emr;

import com.patientpayments.contract.PostalAddress;
import com.patientpayments.contract.PracticeLogo;
import com.patientpayments.contract.Transaction;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The connector's {@code ReceiptData} ({@code GET /api/v1/transactions/{id}/receipt}, see {@code emr-connector/API.md}):
 * only the fields the receipt uses, its {@code transaction} the contract's {@link Transaction}. Unknown fields are
 * ignored.
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

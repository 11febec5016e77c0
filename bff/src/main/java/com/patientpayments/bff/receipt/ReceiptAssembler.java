package com.patientpayments.bff.receipt;

import com.patientpayments.bff.emr.EmrReceipt;
import com.patientpayments.bff.emr.ReceiptAdjustment;
import com.patientpayments.bff.emr.ReceiptLine;
import com.patientpayments.bff.practice.PracticeLogoUrls;
import com.patientpayments.contract.PostalAddress;
import com.patientpayments.contract.PracticeLogo;
import com.patientpayments.contract.Transaction;
import java.util.List;

/** Builds the receipt payload from the connector's authoritative data (pure: no I/O). */
final class ReceiptAssembler {

    private static final String DEFAULT_ZONE = "America/Chicago";

    private ReceiptAssembler() {}

    static ReceiptView fromConnector(EmrReceipt data) {
        Transaction tx = data.transaction();
        List<ReceiptLine> lines = data.lines() == null ? List.of() : data.lines();
        List<ReceiptAdjustment> adjustments = data.adjustments() == null ? List.of() : data.adjustments();
        return new ReceiptView(
                tx.id(),
                tx.providerReference(),
                tx.practiceId(),
                data.practice().hash(),
                tx.householdId(),
                practice(data.practice()),
                data.guarantorName(),
                tx.paidAt(),
                tx.methodBrand(),
                tx.methodLast4(),
                tx.currency() == null ? "USD" : tx.currency(),
                tx.amountCents(),
                tx.appliedCents(),
                tx.creditCents(),
                tx.refundedCents(),
                tx.status().name(),
                lines,
                adjustments,
                data.balanceAfterCents());
    }

    static ReceiptView.Practice practice(EmrReceipt.Practice p) {
        PostalAddress a = p.address();
        PracticeLogo logo = p.logo();
        String logoUrl = logo == null ? null : PracticeLogoUrls.url(p.hash(), logo.contentType(), logo.sha256());
        return new ReceiptView.Practice(
                p.hash(),
                p.name(),
                p.phone(),
                p.phoneE164(),
                a == null ? null : a.line1(),
                a == null ? null : a.line2(),
                a == null ? null : a.city(),
                a == null ? null : a.state(),
                a == null ? null : a.postalCode(),
                logoUrl,
                p.timeZone() == null || p.timeZone().isBlank() ? DEFAULT_ZONE : p.timeZone(),
                logo == null || logoUrl == null
                        ? null
                        : new ReceiptView.Logo(logo.contentType(), logo.sha256(), logo.sizeBytes()));
    }
}

package com.patientpayments.emr.api;

import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.ledger.ClaimRecorder;
import com.patientpayments.emr.ledger.DisputeStatus;
import com.patientpayments.emr.ledger.Money;
import com.patientpayments.emr.ledger.RefundStatus;
import com.patientpayments.emr.ledger.Requests;
import java.time.Instant;

/** Validates refund and dispute request bodies into reports (HTTP layer: every field may arrive missing). */
final class ClaimRequests {
    private ClaimRequests() {}

    static ClaimRecorder.RefundReport refund(Requests.Refund body) {
        if (body == null) {
            throw EmrException.invalid("A JSON body is required.");
        }
        String refundId = Amounts.reference(body.refundId(), "refundId");
        long amount = Amounts.require(body.amountCents(), "amountCents");
        RefundStatus status = body.status() == null || body.status().isBlank()
                ? RefundStatus.SUCCEEDED
                : RefundStatus.parse(Amounts.requireText(body.status(), "status", 32));
        Instant created = body.createdAt() == null || body.createdAt().isBlank()
                ? null
                : TransactionController.instant(body.createdAt(), "createdAt");
        return new ClaimRecorder.RefundReport(
                refundId, Money.ofCents(amount), status, created, Amounts.optionalReference(body.eventId(), "eventId"));
    }

    static ClaimRecorder.DisputeReport dispute(Requests.Dispute body) {
        if (body == null) {
            throw EmrException.invalid("A JSON body is required.");
        }
        String disputeId = Amounts.reference(body.disputeId(), "disputeId");
        long amount = Amounts.require(body.amountCents(), "amountCents");
        DisputeStatus status = DisputeStatus.parse(Amounts.requireText(body.status(), "status", 32));
        return new ClaimRecorder.DisputeReport(
                disputeId, Money.ofCents(amount), status, Amounts.optionalReference(body.eventId(), "eventId"));
    }
}

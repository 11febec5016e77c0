package com.patientpayments.emr.ledger;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A dispute at one status (API.md "Dispute"). {@code reversals} are the amounts the opening took off charges;
 * additions: {@code creditReversedCents} (taken from the transaction's credit on opening) and {@code reapplied}
 * (what a WON dispute put back on charges; the rest became credit).
 */
@Serdeable
public record DisputeView(String disputeId, String transactionId, long amountCents, DisputeStatus status,
                          List<RefundView.ChargeAmount> reversals, long creditReversedCents,
                          List<RefundView.ChargeAmount> reapplied) {
}

package com.patientpayments.emr.ledger;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A dispute at its current status (API.md "Dispute"): {@code status} is the provider's ({@code needs_response},
 * {@code warning_needs_response}, {@code won}, …); {@code fundsWithdrawn} whether it currently takes money back;
 * {@code reversals} and {@code creditReversedCents} what it takes now; {@code reapplied} what it ever put back on
 * charges (a won dispute).
 */
@Serdeable
public record DisputeView(
        String disputeId,
        String transactionId,
        long amountCents,
        String status,
        boolean fundsWithdrawn,
        List<RefundView.ChargeAmount> reversals,
        long creditReversedCents,
        List<RefundView.ChargeAmount> reapplied) {}

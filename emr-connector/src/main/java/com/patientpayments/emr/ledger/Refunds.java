package com.patientpayments.emr.ledger;

import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Refunds (full or partial) of a posted transaction, by refund id, at the provider's current status: while in effect a
 * refund takes back the most recently applied money (credit first, then the newest charges) so the patient owes those
 * charges again; once failed or canceled it takes nothing and what it took is applied again. Repeats and stale
 * statuses change nothing.
 */
@Singleton
public class Refunds {
    private final ClaimRecorder recorder;

    public Refunds(ClaimRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * Records what the provider reports about a refund of {@code txId}.
     *
     * @throws LedgerException NOT_FOUND for an unknown transaction; CONFLICT when the refund id belongs to another
     *                         transaction or amount, or the refund is larger than the payment
     */
    public ClaimRecorder.RefundResult refund(UUID txId, ClaimRecorder.RefundReport report) {
        return recorder.underHouseholdLock(txId, (c, t) -> recorder.refund(c, t, report));
    }
}

package com.patientpayments.emr.ledger;

import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Disputes (inquiries included) of a posted transaction, by dispute id, at the provider's current status
 * ({@link DisputeStatus}): an inquiry moves nothing; withdrawn funds take the amount back (the same order as refunds)
 * and flag the charges it touches; won gives it back (what no longer fits on a charge becomes credit); lost leaves it
 * taken and clears the flags. Any order of reports ends in the same state; repeats change nothing.
 */
@Singleton
public class Disputes {
    private final ClaimRecorder recorder;

    public Disputes(ClaimRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * Records what the provider reports about a dispute of {@code txId}.
     *
     * @throws LedgerException NOT_FOUND for an unknown transaction; CONFLICT when the dispute id belongs to another
     *                         transaction or the amount is larger than the payment
     */
    public DisputeView record(UUID txId, ClaimRecorder.DisputeReport report) {
        return recorder.underHouseholdLock(txId, (c, t) -> recorder.dispute(c, t, report));
    }
}

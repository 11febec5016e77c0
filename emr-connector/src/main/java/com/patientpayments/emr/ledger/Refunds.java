package com.patientpayments.emr.ledger;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.UUID;

/**
 * Refunds (full or partial) of a posted transaction, by refund id, at the provider's current status: while in effect a
 * refund takes back the most recently applied money (credit first, then the newest charges) so the patient owes those
 * charges again; once failed or canceled it takes nothing and what it took is applied again. Repeats and stale
 * statuses change nothing.
 */
@Singleton
public class Refunds {
    private final TransactionOperations<Connection> tx;
    private final LedgerRepository ledger;
    private final ClaimRecorder recorder;
    private final TransactionFacts facts;

    public Refunds(
            TransactionOperations<Connection> tx,
            LedgerRepository ledger,
            ClaimRecorder recorder,
            TransactionFacts facts) {
        this.tx = tx;
        this.facts = facts;
        this.ledger = ledger;
        this.recorder = recorder;
    }

    /**
     * Records what the provider reports about a refund of {@code txId}.
     *
     * @throws LedgerException NOT_FOUND for an unknown transaction; CONFLICT when the refund id belongs to another
     *                         transaction or amount, or the refund is larger than the payment
     */
    public ClaimRecorder.RefundResult refund(UUID txId, ClaimRecorder.RefundReport report) {
        return tx.executeWrite(s -> {
            Connection c = s.getConnection();
            TransactionFacts.Row t = facts.load(txId);
            ledger.lockHousehold(c, t.householdId());
            return recorder.refund(c, t, report);
        });
    }
}

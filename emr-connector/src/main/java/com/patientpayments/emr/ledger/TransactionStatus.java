package com.patientpayments.emr.ledger;

import com.patientpayments.emr.api.ApiException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Status of a posted transaction, with its allowed transitions in one place. */
public enum TransactionStatus {
    SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED, DISPUTED, DISPUTE_LOST;

    private static final Map<TransactionStatus, Set<TransactionStatus>> ALLOWED = Map.of(
            SUCCEEDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, DISPUTED),
            PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, DISPUTED),
            DISPUTED, EnumSet.of(DISPUTED, SUCCEEDED, PARTIALLY_REFUNDED, DISPUTE_LOST),
            DISPUTE_LOST, EnumSet.of(DISPUTE_LOST, DISPUTED, PARTIALLY_REFUNDED, REFUNDED),
            REFUNDED, EnumSet.of(REFUNDED));

    /** The status a transaction's facts imply: an open dispute wins, then a lost one, then refunds. */
    public static TransactionStatus derive(long amountCents, long refundedCents, boolean disputeOpen,
                                           boolean disputeLost) {
        if (disputeOpen) {
            return DISPUTED;
        }
        if (refundedCents >= amountCents) {
            return REFUNDED;
        }
        if (disputeLost) {
            return DISPUTE_LOST;
        }
        return refundedCents > 0 ? PARTIALLY_REFUNDED : SUCCEEDED;
    }

    /** Checks the move; an illegal one is a conflict (the provider's events disagree with the ledger). */
    public TransactionStatus moveTo(TransactionStatus next) {
        if (next != this && !ALLOWED.get(this).contains(next)) {
            throw ApiException.conflict("The transaction cannot go from " + this + " to " + next + ".");
        }
        return next;
    }
}

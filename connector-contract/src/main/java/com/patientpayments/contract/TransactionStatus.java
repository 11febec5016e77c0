package com.patientpayments.contract;

/**
 * Status of a posted transaction: a projection of the provider's current state of its refunds and disputes, derived
 * in one place ({@link #derive}). It has no transitions of its own to check — it may go back where the provider's
 * state goes back (a failed refund, a won dispute); the state machines that are checked are the connector's refund and
 * dispute statuses.
 */
public enum TransactionStatus {
    SUCCEEDED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    DISPUTED,
    DISPUTE_LOST;

    /**
     * The status a transaction's facts imply: an open chargeback wins, then a full refund, then a lost dispute, then
     * partial refunds.
     *
     * @param amountCents   the payment
     * @param refundedCents the refunds currently in effect
     * @param disputeOpen   a dispute has its funds withdrawn and no outcome yet (inquiries do not count)
     * @param disputeLost   a dispute was lost
     */
    public static TransactionStatus derive(
            long amountCents, long refundedCents, boolean disputeOpen, boolean disputeLost) {
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
}

package com.patientpayments.emr.charge;

/** What the patient sees for a charge; derived from its amount, what was applied and open disputes. */
public enum ChargeStatus {
    OPEN,
    PARTIALLY_PAID,
    PAID,
    DISPUTED;

    public static ChargeStatus of(long amountCents, long paidCents, boolean disputed) {
        if (disputed) {
            return DISPUTED;
        }
        if (paidCents >= amountCents) {
            return PAID;
        }
        return paidCents > 0 ? PARTIALLY_PAID : OPEN;
    }
}

package com.patientpayments.emr.ledger;

/**
 * Why money moved on a charge or in a household's credit: the {@code kind} of a {@code payment_applications} or
 * {@code household_credit_entries} row. Stored by {@link #name()}; a CHECK constraint on both columns (migration V9)
 * holds exactly these names, so a value that is not one of them is refused by the database.
 */
public enum LedgerKind {
    /** A payment applied to a charge (positive). */
    PAYMENT,
    /** What a payment could not apply to charges: household credit (positive). */
    PAYMENT_CREDIT,
    /** A refund takes applied money or credit back (negative). */
    REFUND_REVERSAL,
    /** Money a refund had taken back goes on again, e.g. after the refund failed (positive). */
    REFUND_REAPPLY,
    /** A dispute takes applied money or credit back (negative). */
    DISPUTE_REVERSAL,
    /** Money a dispute had taken back goes on again, e.g. after the dispute was won (positive). */
    DISPUTE_REAPPLY;

    /** The reversal ({@code cents < 0}) or re-application of what a refund or dispute holds. */
    static LedgerKind of(Holdings.Kind claim, long cents) {
        boolean reversal = cents < 0;
        return switch (claim) {
            case REFUND -> reversal ? REFUND_REVERSAL : REFUND_REAPPLY;
            case DISPUTE -> reversal ? DISPUTE_REVERSAL : DISPUTE_REAPPLY;
        };
    }
}

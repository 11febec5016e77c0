package com.patientpayments.emr.ledger;

/**
 * What an {@code audit_log} row records. Stored by {@link #name()}; a CHECK constraint on the column (migration V9)
 * holds exactly these names, so a value that is not one of them is refused by the database. Two names are only in
 * rows written by earlier versions and are never written now: {@link #REFUND_RECORDED} and {@link #DISPUTE_OPENED}.
 */
public enum AuditAction {
    ATTEMPT_CREATED,
    ATTEMPT_INTENT_SET,
    ATTEMPT_FAILED,
    ATTEMPT_RESUMED,
    TRANSACTION_POSTED,
    PAYMENT_APPLIED,
    CREDIT_ADDED,
    /** A transaction of the demo's seeded history (the demo seeder writes it in SQL). */
    DEMO_HISTORY_POSTED,
    REFUND_PENDING,
    REFUND_REQUIRES_ACTION,
    REFUND_SUCCEEDED,
    REFUND_FAILED,
    REFUND_CANCELED,
    /** Written by earlier versions only (a refund before refunds had a status). */
    REFUND_RECORDED,
    DISPUTE_WARNING_NEEDS_RESPONSE,
    DISPUTE_WARNING_UNDER_REVIEW,
    DISPUTE_NEEDS_RESPONSE,
    DISPUTE_UNDER_REVIEW,
    DISPUTE_WARNING_CLOSED,
    DISPUTE_PREVENTED,
    DISPUTE_WON,
    DISPUTE_LOST,
    /** Written by earlier versions only (a dispute's first status before Stripe's statuses were kept). */
    DISPUTE_OPENED,
    EVENT_PARKED_REFUND,
    EVENT_PARKED_DISPUTE,
    REFUND_REVERSAL,
    REFUND_REAPPLY,
    DISPUTE_REVERSAL,
    DISPUTE_REAPPLY,
    REFUND_REVERSAL_CREDIT,
    REFUND_REAPPLY_CREDIT,
    DISPUTE_REVERSAL_CREDIT,
    DISPUTE_REAPPLY_CREDIT;

    /** A refund reached {@code status}. */
    static AuditAction refund(RefundStatus status) {
        return valueOf("REFUND_" + status.name());
    }

    /** A dispute reached {@code status}. */
    static AuditAction dispute(DisputeStatus status) {
        return valueOf("DISPUTE_" + status.name());
    }

    /** A refund or dispute event was parked until its payment is posted. */
    static AuditAction parked(Holdings.Kind claim) {
        return claim == Holdings.Kind.REFUND ? EVENT_PARKED_REFUND : EVENT_PARKED_DISPUTE;
    }

    /** A charge row of {@code kind} was appended (a refund's or dispute's move on a charge). */
    static AuditAction applied(LedgerKind kind) {
        return valueOf(kind.name());
    }

    /** A credit row of {@code kind} was appended (a refund's or dispute's move in the household's credit). */
    static AuditAction credited(LedgerKind kind) {
        return valueOf(kind.name() + "_CREDIT");
    }
}

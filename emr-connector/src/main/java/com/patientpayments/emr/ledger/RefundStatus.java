package com.patientpayments.emr.ledger;

import java.util.Locale;

/**
 * A refund's status as the provider reports it (Stripe's {@code refund.status}). A refund takes money back while it is
 * {@code pending}, {@code requires_action} or {@code succeeded}; a {@code failed} or {@code canceled} refund took
 * nothing, so whatever it reversed is applied again.
 *
 * <p>The lifecycle only moves forward — pending → requires_action → succeeded → failed/canceled (a succeeded card
 * refund can still fail later, e.g. to a closed card) — so {@link #merge} keeps the furthest status seen, whatever
 * order the events arrive in. Failed and canceled are final.
 */
public enum RefundStatus {
    PENDING(0),
    REQUIRES_ACTION(1),
    SUCCEEDED(2),
    FAILED(3),
    CANCELED(3);

    private final int stage;

    RefundStatus(int stage) {
        this.stage = stage;
    }

    /** Stripe's spelling ({@code succeeded}); throws {@link LedgerException} INVALID for anything else. */
    public static RefundStatus parse(String value) {
        if (value != null) {
            for (RefundStatus s : values()) {
                if (s.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw LedgerException.invalid("status must be one of pending, requires_action, succeeded, failed, canceled.");
    }

    /** The provider's spelling, stored and answered as is. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the refund currently takes money back from the payment. */
    public boolean inEffect() {
        return this != FAILED && this != CANCELED;
    }

    /** Whether the provider can move a refund from this status to {@code next} (forward only; final stays final). */
    public boolean canMoveTo(RefundStatus next) {
        return next.stage > stage;
    }

    /** The status after also learning {@code reported}: the furthest in the lifecycle. */
    public RefundStatus merge(RefundStatus reported) {
        return canMoveTo(reported) ? reported : this;
    }
}

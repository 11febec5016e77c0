package com.patientpayments.emr.ledger;

import java.util.Locale;

/**
 * A dispute's status as the provider reports it (Stripe's {@code dispute.status}), and what it means for the money.
 *
 * <ul>
 *   <li>Inquiries ({@code warning_needs_response}, {@code warning_under_review}, {@code warning_closed}) are card
 *   network questions: no funds are withdrawn, so the ledger moves nothing.</li>
 *   <li>{@code needs_response} and {@code under_review}: the funds are withdrawn (Stripe's
 *   {@code charge.dispute.funds_withdrawn}); the amount is taken back and the charges it touches are flagged.</li>
 *   <li>{@code won}: the funds are reinstated ({@code charge.dispute.funds_reinstated}); {@code lost}: they stay
 *   withdrawn and the charges are owed again (not flagged); {@code prevented}: closed without withdrawal.</li>
 * </ul>
 * An inquiry can escalate to {@code needs_response}; nothing goes back from a closed status. {@link #merge} keeps the
 * furthest status seen, so events in any order end in the same state.
 */
public enum DisputeStatus {
    WARNING_NEEDS_RESPONSE(0, false),
    WARNING_UNDER_REVIEW(1, false),
    NEEDS_RESPONSE(2, true),
    UNDER_REVIEW(3, true),
    WARNING_CLOSED(4, false),
    PREVENTED(4, false),
    WON(4, false),
    LOST(4, true);

    private final int stage;
    private final boolean fundsWithdrawn;

    DisputeStatus(int stage, boolean fundsWithdrawn) {
        this.stage = stage;
        this.fundsWithdrawn = fundsWithdrawn;
    }

    /**
     * Stripe's spelling ({@code needs_response}), or the connector's older {@code OPENED} / {@code WON} /
     * {@code LOST}; throws {@link LedgerException} INVALID for anything else.
     */
    public static DisputeStatus parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("opened")) {
            return NEEDS_RESPONSE;
        }
        for (DisputeStatus s : values()) {
            if (s.wire().equals(v)) {
                return s;
            }
        }
        throw LedgerException.invalid("status must be a dispute status such as needs_response,"
                + " warning_needs_response, under_review, won or lost.");
    }

    /** The provider's spelling, stored and answered as is. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the disputed amount is currently withdrawn from the practice (taken back from the payment). */
    public boolean fundsWithdrawn() {
        return fundsWithdrawn;
    }

    /** An open chargeback: funds withdrawn and no outcome yet; its charges are flagged and not payable. */
    public boolean open() {
        return fundsWithdrawn && stage < 4;
    }

    /** An inquiry (no funds move), open or closed. */
    public boolean inquiry() {
        return this == WARNING_NEEDS_RESPONSE || this == WARNING_UNDER_REVIEW || this == WARNING_CLOSED;
    }

    /** Closed: won, lost, prevented or an inquiry closed without escalation. */
    public boolean closed() {
        return stage == 4;
    }

    /** Whether the provider can move a dispute from this status to {@code next}. */
    public boolean canMoveTo(DisputeStatus next) {
        return next.stage > stage;
    }

    /** The status after also learning {@code reported}: the furthest in the lifecycle (closed stays closed). */
    public DisputeStatus merge(DisputeStatus reported) {
        return canMoveTo(reported) ? reported : this;
    }
}

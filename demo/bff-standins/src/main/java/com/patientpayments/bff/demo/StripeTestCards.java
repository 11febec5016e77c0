package com.patientpayments.bff.demo;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's test PaymentMethods that {@link StripeStandIn} knows (stripe.com/docs/testing), with what each does as in
 * Stripe's test mode: succeed, decline, succeed and fail its refunds a moment later, succeed and be disputed (or get
 * an inquiry) a moment later.
 */
enum StripeTestCards {
    VISA("pm_card_visa", "4242", null, Later.NOTHING, null),
    DECLINED("pm_card_chargeDeclined", "0002", "card_declined", Later.NOTHING, null),
    INSUFFICIENT_FUNDS("pm_card_chargeDeclinedInsufficientFunds", "9995", "insufficient_funds", Later.NOTHING, null),
    REFUND_FAIL("pm_card_refundFail", "5126", null, Later.REFUNDS_FAIL, null),
    DISPUTE("pm_card_createDispute", "0259", null, Later.DISPUTE, "fraudulent"),
    DISPUTE_NOT_RECEIVED(
            "pm_card_createDisputeProductNotReceived", "2685", null, Later.DISPUTE, "product_not_received"),
    INQUIRY("pm_card_createDisputeInquiry", "1976", null, Later.INQUIRY, "fraudulent");

    /** What a card does after a successful confirmation. */
    enum Later {
        NOTHING,
        REFUNDS_FAIL,
        DISPUTE,
        INQUIRY
    }

    final String paymentMethod;
    final String last4;
    /** Stripe's {@code decline_code} of a declined card (for a plain decline its {@code code}); null: succeeds. */
    final @Nullable String declineCode;

    final Later later;
    final @Nullable String disputeReason;

    StripeTestCards(
            String paymentMethod,
            String last4,
            @Nullable String declineCode,
            Later later,
            @Nullable String disputeReason) {
        this.paymentMethod = paymentMethod;
        this.last4 = last4;
        this.declineCode = declineCode;
        this.later = later;
        this.disputeReason = disputeReason;
    }

    boolean succeeds() {
        return declineCode == null;
    }

    /** The card behind a test PaymentMethod id, if it is one of Stripe's that the stand-in knows. */
    static Optional<StripeTestCards> of(@Nullable String paymentMethod) {
        return Arrays.stream(values())
                .filter(c -> c.paymentMethod.equals(paymentMethod))
                .findFirst();
    }
}

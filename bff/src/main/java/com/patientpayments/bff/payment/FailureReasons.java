package com.patientpayments.bff.payment;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Patient-readable reasons for the processor's failure codes (Stripe's {@code decline_code} / {@code code}). */
public final class FailureReasons {

    private static final Map<String, String> MESSAGES = Map.of(
            "card_declined", "Your card was declined.",
            "generic_decline", "Your card was declined.",
            "insufficient_funds", "Your card has insufficient funds.",
            "expired_card", "Your card has expired.",
            "incorrect_cvc", "Your card's security code is incorrect.",
            "processing_error", "An error occurred while processing your card. Please try again.",
            "canceled", "This payment was canceled. Please start a new one.",
            "abandoned", "This payment was not completed. Please start a new one.");

    private FailureReasons() {}

    public static String patientMessage(@Nullable String code) {
        return MESSAGES.getOrDefault(code, "Your payment could not be completed. Please try another card.");
    }
}

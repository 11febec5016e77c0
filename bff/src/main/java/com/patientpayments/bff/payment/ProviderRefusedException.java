package com.patientpayments.bff.payment;

/**
 * The card processor answered and refused the request (a refund above what is refundable, of a disputed or unpaid
 * charge). The message says why, for staff and the simulator's controls; it never carries request data.
 */
public class ProviderRefusedException extends ProviderException {
    private final String reason;

    public ProviderRefusedException(String message) {
        super(message, null);
        this.reason = message;
    }

    /** Why the processor refused (the exception's message, never null). */
    public String reason() {
        return reason;
    }
}

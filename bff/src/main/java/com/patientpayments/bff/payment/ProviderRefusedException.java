package com.patientpayments.bff.payment;

/**
 * The card processor answered and refused the request (a refund above what is refundable, of a disputed or unpaid
 * charge). The message says why, for staff and the simulator's controls; it never carries request data.
 */
public class ProviderRefusedException extends ProviderException {
    public ProviderRefusedException(String message) {
        super(message, null);
    }
}

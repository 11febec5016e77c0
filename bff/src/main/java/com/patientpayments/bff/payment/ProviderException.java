package com.patientpayments.bff.payment;

/** The card processor failed or could not be reached; the message never carries request data. */
public class ProviderException extends RuntimeException {
    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}

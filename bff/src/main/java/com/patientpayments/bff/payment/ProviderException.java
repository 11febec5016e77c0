package com.patientpayments.bff.payment;

import org.jspecify.annotations.Nullable;

/** The card processor failed or could not be reached; the message never carries request data. */
public class ProviderException extends RuntimeException {
    public ProviderException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}

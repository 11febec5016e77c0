package com.patientpayments.bff.graphql;

/**
 * A failure the API reports to the client: a contract {@link ErrorCode} and a message written for a patient.
 * The message must never contain names, account numbers, emails, card data, tokens or internal details; the GraphQL
 * error handler turns this exception into {@code errors[]} with {@code extensions.code} and {@code retryable}.
 * Any other exception reaching the handler is reported as {@link ErrorCode#INTERNAL} with a generic message.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String patientMessage) {
        super(patientMessage, null, false, false);
        this.code = code;
    }

    public ApiException(ErrorCode code, String patientMessage, Throwable cause) {
        super(patientMessage, cause, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public boolean retryable() {
        return code.retryable();
    }
}

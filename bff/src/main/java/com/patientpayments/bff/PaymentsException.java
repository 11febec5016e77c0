package com.patientpayments.bff;

/**
 * The BFF's one domain failure: an {@link ErrorCode} and a message written for a patient. The message must never
 * contain names, account numbers, emails, card data, tokens or internal details. Only the edges map it: the GraphQL
 * error handler ({@code graphql.ApiErrorHandler}) into {@code errors[]} with {@code extensions.code} and
 * {@code retryable}, the download controller into an HTTP status. Any other exception reaching the GraphQL handler is
 * reported as {@link ErrorCode#INTERNAL} with a generic message.
 */
public class PaymentsException extends RuntimeException {

    /** What a patient reads when a service we call (the connector) is down: they may try again. */
    public static final String UPSTREAM_MESSAGE =
            "This service is temporarily unavailable. Please try again in a moment.";
    /** What a patient reads for a failure on our side; never the failure's own message. */
    public static final String INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";

    private final ErrorCode code;

    public PaymentsException(ErrorCode code, String patientMessage) {
        super(patientMessage, null, false, false);
        this.code = code;
    }

    public PaymentsException(ErrorCode code, String patientMessage, Throwable cause) {
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

package com.patientpayments.bff.graphql;

/**
 * The codes clients find in GraphQL {@code errors[].extensions.code} (fixed by the contract), with whether a client
 * may retry the same request unchanged.
 */
public enum ErrorCode {
    UNAUTHENTICATED(false),
    FORBIDDEN(false),
    NOT_FOUND(false),
    BAD_USER_INPUT(false),
    RATE_LIMITED(true),
    AMOUNT_TOO_LOW(false),
    AMOUNT_EXCEEDS_BALANCE(false),
    UPSTREAM_UNAVAILABLE(true),
    INTERNAL(true);

    private final boolean retryable;

    ErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether the same request may succeed if sent again later. */
    public boolean retryable() {
        return retryable;
    }
}

package com.patientpayments.bff;

/**
 * Why a request failed, with whether the same request may succeed unchanged later. Knows nothing of GraphQL or HTTP:
 * the GraphQL layer ({@code graphql.ApiErrorHandler}) writes {@link #name()} into {@code errors[].extensions.code} and
 * {@link #retryable()} into {@code extensions.retryable}; the names are the contract's and must not change.
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

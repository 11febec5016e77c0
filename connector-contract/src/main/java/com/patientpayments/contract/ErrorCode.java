package com.patientpayments.contract;

/**
 * Every error the connector answers, by the {@code code} of its problem JSON (API.md "Errors"): the connector's
 * domain errors carry one, the BFF's connector client decodes it. Knows nothing of HTTP: only the connector's api layer
 * ({@code api.Problem}) gives each code its status and title. The names are the contract's and must not change.
 */
public enum ErrorCode {
    /** No or a wrong service credential. */
    UNAUTHORIZED,
    /** The thing asked for does not exist (or is not visible to the caller). */
    NOT_FOUND,
    /** The request is malformed or a value is out of range. */
    VALIDATION_FAILED,
    /** The request contradicts what the connector holds. */
    CONFLICT,
    /** The path exists but not with this method. */
    METHOD_NOT_ALLOWED,
    /** The body is not of a media type the endpoint reads. */
    UNSUPPORTED_MEDIA_TYPE,
    /** An unexpected failure on the connector's side. */
    INTERNAL
}

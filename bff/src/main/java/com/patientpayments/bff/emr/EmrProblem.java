package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/**
 * The connector's problem JSON ({@code application/problem+json}, emr-connector/API.md "Errors"), decoded by its
 * {@code code}. {@code detail} is the connector's safe message (ids and amounts only), for logs, never for patients.
 */
public record EmrProblem(Code code, int status, @Nullable String detail) {

    /** The connector's error codes; {@link #UNKNOWN} for a code this BFF does not know (or no problem body). */
    public enum Code {
        UNAUTHORIZED,
        NOT_FOUND,
        VALIDATION_FAILED,
        CONFLICT,
        METHOD_NOT_ALLOWED,
        UNSUPPORTED_MEDIA_TYPE,
        INTERNAL,
        UNKNOWN;

        static Code of(@Nullable String code) {
            if (code != null) {
                try {
                    return valueOf(code.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    // a newer connector's code
                }
            }
            return UNKNOWN;
        }
    }

    /** The problem body as sent; every field may be missing. */
    @Serdeable
    record Body(
            @Nullable String type,
            @Nullable String title,
            @Nullable Integer status,
            @Nullable String detail,
            @Nullable String code) {}

    static EmrProblem of(int status, @Nullable Body body) {
        if (body == null) {
            return new EmrProblem(Code.UNKNOWN, status, null);
        }
        return new EmrProblem(Code.of(body.code()), status, body.detail());
    }
}

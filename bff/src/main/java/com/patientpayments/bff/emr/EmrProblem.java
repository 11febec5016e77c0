package com.patientpayments.bff.emr;

import com.patientpayments.contract.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/**
 * The connector's problem JSON ({@code application/problem+json}, emr-connector/API.md "Errors"), decoded by its
 * {@code code} (the contract's {@link ErrorCode}; null for a code this BFF does not know, or no problem body).
 * {@code detail} is the connector's safe message (ids and amounts only), for logs, never for patients.
 */
public record EmrProblem(
        @Nullable ErrorCode code, int status, @Nullable String detail) {

    /** The code's name for logs; {@code UNKNOWN} when the connector sent none or one this BFF does not know. */
    public String codeName() {
        return code == null ? "UNKNOWN" : code.name();
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
            return new EmrProblem(null, status, null);
        }
        return new EmrProblem(code(body.code()), status, body.detail());
    }

    private static @Nullable ErrorCode code(@Nullable String code) {
        if (code != null) {
            try {
                return ErrorCode.valueOf(code.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // a newer connector's code
            }
        }
        return null;
    }
}

package com.patientpayments.emr.api;

import com.patientpayments.contract.ErrorCode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/** RFC 9457 problem details plus our {@code code}. */
@Serdeable
public record Problem(String type, String title, int status, String detail, String code) {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    public static Problem of(ErrorCode code, String detail) {
        return new Problem("about:blank", title(code), status(code).getCode(), detail, code.name());
    }

    public static MutableHttpResponse<Problem> response(ErrorCode code, String detail) {
        return HttpResponse.<Problem>status(status(code))
                .contentType(PROBLEM_JSON)
                .body(of(code, detail));
    }

    /** The one place an error code becomes an HTTP status. */
    public static HttpStatus status(ErrorCode code) {
        return switch (code) {
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case VALIDATION_FAILED -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** The problem's {@code title} for a code. */
    static String title(ErrorCode code) {
        return switch (code) {
            case UNAUTHORIZED -> "Unauthorized";
            case NOT_FOUND -> "Not Found";
            case VALIDATION_FAILED -> "Validation Failed";
            case CONFLICT -> "Conflict";
            case METHOD_NOT_ALLOWED -> "Method Not Allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported Media Type";
            case INTERNAL -> "Internal Error";
        };
    }
}

package com.patientpayments.emr.api;

import io.micronaut.http.HttpStatus;

/** Every error the connector answers, with its HTTP status (API.md "Errors"). */
public enum ErrorCode {
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthorized"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not Found"),
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation Failed"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Error");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}

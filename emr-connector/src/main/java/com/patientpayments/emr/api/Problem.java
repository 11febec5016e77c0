package com.patientpayments.emr.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/** RFC 9457 problem details plus our {@code code}. */
@Serdeable
public record Problem(String type, String title, int status, String detail, String code) {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    public static Problem of(ErrorCode code, String detail) {
        return new Problem("about:blank", code.title(), code.status().getCode(), detail, code.name());
    }

    public static MutableHttpResponse<Problem> response(ErrorCode code, String detail) {
        return HttpResponse.<Problem>status(code.status()).contentType(PROBLEM_JSON).body(of(code, detail));
    }
}

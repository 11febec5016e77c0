package com.patientpayments.emr.api;

import com.patientpayments.contract.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every error the framework itself answers (malformed JSON, wrong types, missing body, unknown route, wrong method,
 * uncaught exceptions) becomes problem JSON with a code. Framework messages are not passed through: they can quote the
 * request body or name classes. Only the offending field path is kept, when there is one.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_.\\[\\]/]{1,80}");
    /** {@link StrictNumbers}' message: "field [amountCents] must be a JSON integer …" (nothing from the body). */
    private static final Pattern FIELD = Pattern.compile("field \\[(\\w{1,80})] (must be a JSON integer[\\w ,-]*)");

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        ErrorCode code = codeFor(status);
        String detail = detailFor(code, context);
        return base.contentType(Problem.PROBLEM_JSON)
                .body(new Problem("about:blank", Problem.title(code), status.getCode(), detail, code.name()));
    }

    private static ErrorCode codeFor(HttpStatus status) {
        switch (status) {
            case UNAUTHORIZED:
                return ErrorCode.UNAUTHORIZED;
            case NOT_FOUND:
                return ErrorCode.NOT_FOUND;
            case CONFLICT:
                return ErrorCode.CONFLICT;
            case METHOD_NOT_ALLOWED:
                return ErrorCode.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE:
                return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default:
                return status.getCode() >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED;
        }
    }

    /** The field a {@link StrictNumbers} deserializer refused, named in its message (Serde keeps no path for records). */
    private static @Nullable String notAnInteger(ErrorContext context) {
        Throwable t = context.getRootCause().orElse(null);
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains(StrictNumbers.NOT_AN_INTEGER)) {
                java.util.regex.Matcher m = FIELD.matcher(message);
                if (m.find() && SAFE_PATH.matcher(m.group(1)).matches()) {
                    return m.group(1) + " " + m.group(2).strip()
                            + " (digits only: no quotes, decimal point, exponent, boolean or array).";
                }
                return "A number " + StrictNumbers.NOT_AN_INTEGER
                        + " (digits only: no quotes, decimal point, exponent, boolean or array).";
            }
        }
        return null;
    }

    private static String detailFor(ErrorCode code, ErrorContext context) {
        switch (code) {
            case NOT_FOUND:
                return "No such resource.";
            case METHOD_NOT_ALLOWED:
                return "This method is not allowed on this resource.";
            case UNSUPPORTED_MEDIA_TYPE:
                return "Send the request body as application/json.";
            case INTERNAL:
                return "An internal error occurred. Retry later.";
            case VALIDATION_FAILED:
                String notInteger = notAnInteger(context);
                if (notInteger != null) {
                    return notInteger;
                }
                String path = context.getErrors().stream()
                        .map(Error::getPath)
                        .flatMap(p -> p.stream())
                        .filter(p -> SAFE_PATH.matcher(p).matches())
                        .findFirst()
                        .orElse(null);
                return path == null
                        ? "The request is malformed: check that the body is valid JSON with fields of the right types."
                        : "The request is malformed at '" + path + "': check the field's type and value.";
            default:
                return Problem.title(code) + ".";
        }
    }
}

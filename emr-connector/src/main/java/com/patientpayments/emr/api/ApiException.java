package com.patientpayments.emr.api;

/** A domain failure with its code; the message is safe to show (no names, account numbers or card data). */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final String safeMessage;

    public ApiException(ErrorCode code, String safeMessage) {
        super(safeMessage, null, false, false);
        this.code = code;
        this.safeMessage = safeMessage;
    }

    /** The safe message, never null (the constructor requires one). */
    @Override
    public String getMessage() {
        return safeMessage;
    }

    public ErrorCode code() {
        return code;
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found.");
    }

    public static ApiException invalid(String message) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }
}

package com.patientpayments.emr;

/**
 * A domain failure outside the ledger (the ledger has {@code ledger.LedgerException}) with its {@link ErrorCode}; the
 * message is safe to show (no names, account numbers or card data). Only the api layer turns it into an HTTP status
 * and problem JSON ({@code api.ApiExceptionHandler}).
 */
public class EmrException extends RuntimeException {
    private final ErrorCode code;
    private final String safeMessage;

    public EmrException(ErrorCode code, String safeMessage) {
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

    public static EmrException notFound(String what) {
        return new EmrException(ErrorCode.NOT_FOUND, what + " not found.");
    }

    public static EmrException invalid(String message) {
        return new EmrException(ErrorCode.VALIDATION_FAILED, message);
    }

    public static EmrException conflict(String message) {
        return new EmrException(ErrorCode.CONFLICT, message);
    }
}

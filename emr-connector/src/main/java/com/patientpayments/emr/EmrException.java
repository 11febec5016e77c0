package com.patientpayments.emr;

import com.patientpayments.contract.ErrorCode;

/**
 * A domain failure outside the ledger (the ledger has {@code ledger.LedgerException}) with its {@link ErrorCode}; the
 * message is safe to show (no names, account numbers or card data). Only the api layer turns it into an HTTP status
 * and problem JSON ({@code api.ApiExceptionHandler}).
 */
public class EmrException extends DomainException {
    private final ErrorCode code;

    public EmrException(ErrorCode code, String safeMessage) {
        super(safeMessage);
        this.code = code;
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

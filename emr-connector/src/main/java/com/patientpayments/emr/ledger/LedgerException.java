package com.patientpayments.emr.ledger;

/**
 * A ledger use case refused a request, with its {@link LedgerError} code. The message is safe to show to the caller:
 * ids and amounts only, never names, account numbers or card data.
 */
public class LedgerException extends RuntimeException {
    private final LedgerError code;
    private final String safeMessage;

    public LedgerException(LedgerError code, String safeMessage) {
        super(safeMessage, null, false, false);
        this.code = code;
        this.safeMessage = safeMessage;
    }

    /** The safe message, never null (the constructor requires one). */
    @Override
    public String getMessage() {
        return safeMessage;
    }

    public LedgerError code() {
        return code;
    }

    static LedgerException notFound(String what) {
        return new LedgerException(LedgerError.NOT_FOUND, what + " not found.");
    }

    static LedgerException conflict(String message) {
        return new LedgerException(LedgerError.CONFLICT, message);
    }

    static LedgerException invalid(String message) {
        return new LedgerException(LedgerError.INVALID, message);
    }
}

package com.patientpayments.emr;

import com.patientpayments.contract.ErrorCode;

/**
 * The one shape of the connector's domain errors: a message that is safe to show to the caller (ids and amounts only,
 * never names, account numbers or card data), and no stack trace (the subclass's code and this message are the whole
 * answer). {@link EmrException} (codes {@link ErrorCode}) and the ledger's {@code ledger.LedgerException} (codes
 * {@code ledger.LedgerError}) extend it, each adding its code enum, which knows nothing of HTTP; only the api layer
 * turns them into an HTTP status and problem JSON.
 */
public abstract class DomainException extends RuntimeException {
    private final String safeMessage;

    protected DomainException(String safeMessage) {
        super(safeMessage, null, false, false);
        this.safeMessage = safeMessage;
    }

    /** The safe message, never null (the constructor requires one). */
    @Override
    public String getMessage() {
        return safeMessage;
    }
}

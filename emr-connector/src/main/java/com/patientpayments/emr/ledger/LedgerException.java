package com.patientpayments.emr.ledger;

import com.patientpayments.emr.DomainException;

/**
 * A ledger use case refused a request, with its {@link LedgerError} code. The message is safe to show to the caller:
 * ids and amounts only, never names, account numbers or card data.
 */
public class LedgerException extends DomainException {
    private final LedgerError code;

    public LedgerException(LedgerError code, String safeMessage) {
        super(safeMessage);
        this.code = code;
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

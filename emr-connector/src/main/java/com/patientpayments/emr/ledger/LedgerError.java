package com.patientpayments.emr.ledger;

/**
 * Why a ledger use case refused a request. Free of transport concerns: only the api layer turns a code into an HTTP
 * status and problem JSON ({@code api.LedgerExceptionHandler}).
 */
public enum LedgerError {
    /** A transaction, attempt or provider reference the ledger does not know. */
    NOT_FOUND,
    /** The request contradicts what the ledger holds (an id reused for another transaction or another amount). */
    CONFLICT,
    /** A value no provider would send (an unknown status, an amount above the payment). */
    INVALID
}

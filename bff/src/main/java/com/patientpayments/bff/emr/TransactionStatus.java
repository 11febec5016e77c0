package com.patientpayments.bff.emr;

/** A posted transaction's status in the ledger, derived from its refunds and disputes (emr-connector/API.md). */
public enum TransactionStatus {
    SUCCEEDED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    DISPUTED,
    DISPUTE_LOST
}

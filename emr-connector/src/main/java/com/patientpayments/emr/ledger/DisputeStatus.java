package com.patientpayments.emr.ledger;

/** What the provider reports about a dispute: opened first, then won or lost. */
public enum DisputeStatus {
    OPENED, WON, LOST
}

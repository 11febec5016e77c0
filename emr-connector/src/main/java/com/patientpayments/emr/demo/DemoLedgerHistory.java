package com.patientpayments.emr.demo;

import jakarta.inject.Singleton;

/** Past payments, a dispute and a full payment that give the demo households their variety. */
@Singleton
public class DemoLedgerHistory {
    void write() {
        // Filled in once the ledger exists.
    }
}

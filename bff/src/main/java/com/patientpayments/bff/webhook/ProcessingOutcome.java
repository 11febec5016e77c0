package com.patientpayments.bff.webhook;

/** What the consumer does with a message after processing it. */
public enum ProcessingOutcome {
    /** The effect is committed in the ledger (or there is nothing to do): delete the message. */
    DONE,
    /** Not committed (connector down, event arrived before what it depends on): leave it for another receive. */
    RETRY
}

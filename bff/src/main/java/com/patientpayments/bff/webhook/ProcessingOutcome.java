package com.patientpayments.bff.webhook;

/** What the consumer does with a message after processing it. */
public enum ProcessingOutcome {
    /** The effect is committed in the ledger: delete the message. */
    DONE,
    /** Not ours (an intent without our attempt reference, a type we do not handle): acknowledged, counted, deleted. */
    IGNORED,
    /** A report whose payment is not posted yet, kept durably by the connector until it is: delete the message. */
    PARKED,
    /** Not committed (connector or provider unreachable): leave it for another receive. */
    RETRY,
    /**
     * An operator must look (an intent carrying our attempt reference that the connector does not know, a report the
     * ledger refuses): moved to the dead-letter queue at once and counted as a failure.
     */
    DEAD_LETTER;

    /** Whether the message is removed from the main queue. */
    public boolean settled() {
        return this == DONE || this == IGNORED || this == PARKED;
    }
}

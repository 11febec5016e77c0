package com.patientpayments.bff.webhook;

/**
 * What handling one event came to and why ({@code reason}: a short constant for logs and metric labels — never
 * request data).
 */
public record EventResult(ProcessingOutcome outcome, String reason) {

    static EventResult done() {
        return new EventResult(ProcessingOutcome.DONE, "committed");
    }

    static EventResult ignored(String reason) {
        return new EventResult(ProcessingOutcome.IGNORED, reason);
    }

    static EventResult parked() {
        return new EventResult(ProcessingOutcome.PARKED, "payment_not_posted");
    }

    static EventResult retry(String reason) {
        return new EventResult(ProcessingOutcome.RETRY, reason);
    }

    static EventResult deadLetter(String reason) {
        return new EventResult(ProcessingOutcome.DEAD_LETTER, reason);
    }

    /** The result that must win when one event has several effects (a retry first, then an operator's look). */
    EventResult worst(EventResult other) {
        return other.outcome().ordinal() > outcome.ordinal() ? other : this;
    }
}

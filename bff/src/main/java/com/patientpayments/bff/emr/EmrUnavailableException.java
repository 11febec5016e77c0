package com.patientpayments.bff.emr;

/**
 * The connector gave no usable answer (unreachable, timed out, 5xx). Thrown only inside {@link EmrHttp} so the read
 * circuit breaker can count it; {@link EmrClient} turns it into {@link EmrOutcome.Unavailable}.
 */
class EmrUnavailableException extends RuntimeException {
    private final String reason;

    EmrUnavailableException(String reason, Throwable cause) {
        super("EMR connector unavailable: " + reason, cause, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}

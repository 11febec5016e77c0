package com.patientpayments.emr.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * Status of a payment attempt. SUCCEEDED is final: a late failure event after success changes nothing. A failed
 * attempt may still succeed (the patient retries on the same intent).
 */
public enum AttemptStatus {
    CREATED,
    PROCESSING,
    SUCCEEDED,
    FAILED;

    /** Whether an attempt in this status may move to {@code next}; the switch covers every status. */
    public boolean canMoveTo(AttemptStatus next) {
        Set<AttemptStatus> allowed = switch (this) {
            case CREATED, FAILED -> EnumSet.of(PROCESSING, SUCCEEDED, FAILED);
            case PROCESSING -> EnumSet.of(SUCCEEDED, FAILED);
            case SUCCEEDED -> EnumSet.noneOf(AttemptStatus.class);
        };
        return allowed.contains(next);
    }
}

package com.patientpayments.contract;

import java.util.EnumSet;
import java.util.Set;

/**
 * Status of a payment attempt: {@code CREATED} (no provider intent yet), {@code PROCESSING} (intent attached, no final
 * event), {@code SUCCEEDED} (posted; final: a late failure event after success changes nothing), {@code FAILED}
 * (declined or abandoned; it may still succeed, the patient retries on the same intent).
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

    /** Neither posted nor failed yet. */
    public boolean open() {
        return this == CREATED || this == PROCESSING;
    }
}

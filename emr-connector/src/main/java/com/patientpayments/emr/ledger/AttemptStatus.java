package com.patientpayments.emr.ledger;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Status of a payment attempt. SUCCEEDED is final: a late failure event after success changes nothing. A failed
 * attempt may still succeed (the patient retries on the same intent).
 */
public enum AttemptStatus {
    CREATED, PROCESSING, SUCCEEDED, FAILED;

    private static final Map<AttemptStatus, Set<AttemptStatus>> ALLOWED = Map.of(
            CREATED, EnumSet.of(PROCESSING, SUCCEEDED, FAILED),
            PROCESSING, EnumSet.of(SUCCEEDED, FAILED),
            FAILED, EnumSet.of(PROCESSING, SUCCEEDED, FAILED),
            SUCCEEDED, EnumSet.noneOf(AttemptStatus.class));

    public boolean canMoveTo(AttemptStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}

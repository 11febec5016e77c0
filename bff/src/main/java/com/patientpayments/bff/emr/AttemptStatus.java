package com.patientpayments.bff.emr;

/**
 * A payment attempt's status in the connector: {@code CREATED} (no provider intent yet), {@code PROCESSING} (intent
 * attached, no final event), {@code SUCCEEDED} (posted; final), {@code FAILED} (declined or abandoned; the patient may
 * confirm again).
 */
public enum AttemptStatus {
    CREATED,
    PROCESSING,
    SUCCEEDED,
    FAILED;

    /** Neither posted nor failed yet. */
    public boolean open() {
        return this == CREATED || this == PROCESSING;
    }
}

package com.patientpayments.bff.emr;

import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /api/v1/households/match} (PII: never log it). */
@Serdeable
public record HouseholdLookup(String practiceHash, String accountNumber, String lastName) {
    @Override
    public String toString() {
        return "HouseholdLookup[redacted]";
    }
}

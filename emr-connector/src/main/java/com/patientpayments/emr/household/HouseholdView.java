package com.patientpayments.emr.household;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A household (head of household = guarantor) with its balance (API.md "Household"). {@code balanceCents} excludes
 * disputed charges, which {@code disputedCents} (addition) reports.
 * {@code practiceHash} is the practice's newest active landing-page hash, null when it has none.
 */
@Serdeable
public record HouseholdView(
        String id,
        String practiceId,
        @Nullable String practiceHash,
        String accountNumber,
        String guarantorName,
        long balanceCents,
        long creditCents,
        long disputedCents,
        String currency,
        List<Patient> patients) {

    /** A patient of the household. */
    @Serdeable
    public record Patient(String id, String firstName, String lastName, String name) {}
}

package com.patientpayments.emr.household;

import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * The answer of the sign-in match (API.md {@code POST /households/match}): which household the patient's details
 * name, in which practice, and the practice's newest active landing-page hash (null when it has none) — what a session
 * needs, without the household's patients and balances.
 */
@Serdeable
public record HouseholdMatch(
        String id, String practiceId, @Nullable String practiceHash) {}

package com.patientpayments.bff.emr;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer of the sign-in match ({@code POST /api/v1/households/match}): the household the patient's details name,
 * its practice and the practice's newest active landing-page hash (the one the patient typed is active, so there
 * is one) — what a session holds.
 */
@Serdeable
public record EmrHouseholdMatch(String id, String practiceId, String practiceHash) {}

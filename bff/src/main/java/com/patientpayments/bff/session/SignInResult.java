package com.patientpayments.bff.session;

import com.patientpayments.bff.household.HouseholdRef;

/** GraphQL {@code SignInResult}. */
public record SignInResult(boolean ok, HouseholdRef household, String message, String idleExpiresAt) {

    /** The one answer for every failure cause (unknown practice, unknown account, wrong name, locked). */
    static final String GENERIC_FAILURE = "We couldn't sign you in with those details. Please check the account "
            + "number and last name on your statement and try again.";

    static SignInResult failed() {
        return new SignInResult(false, null, GENERIC_FAILURE, null);
    }
}

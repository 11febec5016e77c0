package com.patientpayments.bff.session;

import com.patientpayments.bff.graphql.ApiException;
import com.patientpayments.bff.graphql.ErrorCode;
import graphql.schema.DataFetchingEnvironment;

import java.util.Optional;

/**
 * How a data fetcher learns who is signed in. Implemented by the session feature, which validates the cookie's JWT,
 * the idle and absolute expiry and server-side revocation.
 */
public interface SessionAccess {

    /** The valid session of the request this fetcher runs for, if any. */
    Optional<PatientSession> current(DataFetchingEnvironment env);

    /** The valid session, or {@link ErrorCode#UNAUTHENTICATED}. */
    default PatientSession require(DataFetchingEnvironment env) {
        return current(env).orElseThrow(() ->
                new ApiException(ErrorCode.UNAUTHENTICATED, "Your session has ended. Please sign in again."));
    }

    /**
     * The valid session, which must own {@code householdId} (the household of a payment, transaction or receipt the
     * caller asked for by id). Another household's object answers exactly like an unknown one: {@code NOT_FOUND}.
     */
    default PatientSession requireOwner(DataFetchingEnvironment env, String householdId) {
        PatientSession session = require(env);
        if (householdId == null || !householdId.equals(session.householdId())) {
            throw new ApiException(ErrorCode.NOT_FOUND, "We couldn't find that.");
        }
        return session;
    }
}

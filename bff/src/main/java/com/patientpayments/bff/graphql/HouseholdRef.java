package com.patientpayments.bff.graphql;

import com.patientpayments.bff.session.PatientSession;

/** Source object of the GraphQL {@code Household} type: the signed-in session whose household is shown. */
public record HouseholdRef(PatientSession session) {}

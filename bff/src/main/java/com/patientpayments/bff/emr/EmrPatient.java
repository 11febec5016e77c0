package com.patientpayments.bff.emr;

import io.micronaut.serde.annotation.Serdeable;

/** A patient of a household. */
@Serdeable
public record EmrPatient(String id, String firstName, String lastName, String name) {}

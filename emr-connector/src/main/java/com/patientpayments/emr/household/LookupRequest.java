package com.patientpayments.emr.household;

import io.micronaut.serde.annotation.Serdeable;

/** Sign-in look-up: practice hash + account number + the guarantor's last name. */
@Serdeable
public record LookupRequest(String practiceHash, String accountNumber, String lastName) {}

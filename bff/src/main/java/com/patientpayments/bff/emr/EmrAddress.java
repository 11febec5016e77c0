package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A postal address as the connector sends it. */
@Serdeable
public record EmrAddress(String line1, @Nullable String line2, String city, String state, String postalCode) {}

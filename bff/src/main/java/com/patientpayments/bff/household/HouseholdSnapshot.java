package com.patientpayments.bff.household;

import com.patientpayments.bff.emr.EmrHousehold;
import com.patientpayments.bff.emr.EmrOpenCharges;
import io.micronaut.serde.annotation.Serdeable;

/** What the BFF caches per household: the household (guarantor, patients) and its open charges. */
@Serdeable
public record HouseholdSnapshot(EmrHousehold household, EmrOpenCharges openCharges) {}

package com.patientpayments.bff.household;

import com.patientpayments.bff.emr.EmrHousehold;
import com.patientpayments.bff.emr.EmrOpenCharges;

/** What the BFF caches per household: the household (guarantor, patients) and its open charges. */
public record HouseholdSnapshot(EmrHousehold household, EmrOpenCharges openCharges) {}

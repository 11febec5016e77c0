package com.patientpayments.bff.emr;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code GET /api/v1/households/{id}/charges}: open charges in allocation order. */
@Serdeable
public record EmrOpenCharges(String householdId, long balanceCents, long creditCents, String currency,
                             List<EmrCharge> charges) {
}

package com.patientpayments.bff.emr;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code GET /api/v1/households/{id}/charges}: open charges in allocation order. {@code balanceCents} is what can be
 * paid (charges under an open dispute excluded); {@code disputedCents} the balance of those listed but not payable.
 */
@Serdeable
public record EmrOpenCharges(
        String householdId,
        long balanceCents,
        long creditCents,
        long disputedCents,
        String currency,
        List<EmrCharge> charges) {}

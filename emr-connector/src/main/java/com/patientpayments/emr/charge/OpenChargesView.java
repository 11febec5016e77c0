package com.patientpayments.emr.charge;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A household's charges with a remaining balance, in allocation order. {@code balanceCents} is what a payment can be
 * applied to (disputed charges excluded); {@code disputedCents} (addition) is the balance of disputed charges.
 */
@Serdeable
public record OpenChargesView(
        String householdId,
        long balanceCents,
        long creditCents,
        long disputedCents,
        String currency,
        List<ChargeView> charges) {}

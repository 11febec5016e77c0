package com.patientpayments.emr.charge;

import io.micronaut.serde.annotation.Serdeable;

/** One charge with what was paid on it and what remains (API.md "Charge"). */
@Serdeable
public record ChargeView(
        String id,
        String patientId,
        String patientName,
        String locationId,
        String locationName,
        String providerName,
        String serviceDate,
        String procedureCode,
        String procedureName,
        long amountCents,
        long paidCents,
        long balanceCents,
        boolean disputed,
        ChargeStatus status) {}

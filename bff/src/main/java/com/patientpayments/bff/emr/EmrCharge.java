package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One open charge ({@code status}: OPEN, PARTIALLY_PAID, PAID, DISPUTED). */
@Serdeable
public record EmrCharge(
        String id,
        String patientId,
        String patientName,
        @Nullable String locationId,
        @Nullable String locationName,
        @Nullable String providerName,
        String serviceDate,
        @Nullable String procedureCode,
        String procedureName,
        long amountCents,
        long paidCents,
        long balanceCents,
        boolean disputed,
        String status) {}

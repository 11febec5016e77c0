package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code GET /api/v1/households/{id}} (and the connector's {@code /households/lookup}). */
@Serdeable
public record EmrHousehold(
        String id,
        String practiceId,
        String practiceHash,
        String accountNumber,
        String guarantorName,
        long balanceCents,
        long creditCents,
        String currency,
        @Nullable List<EmrPatient> patients) {}

package com.patientpayments.bff.emr;

import com.patientpayments.contract.PracticeLogo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code GET /api/v1/practices/by-hash/{hash}}; {@code logo} is the published logo, null when none. */
@Serdeable
public record EmrPractice(
        String id,
        String hash,
        @Nullable String tenantId,
        @Nullable String companyId,
        String name,
        @Nullable String phone,
        @Nullable String phoneE164,
        @Nullable EmrAddress address,
        @Nullable String logoUrl,
        String timeZone,
        @Nullable String stripeAccountId,
        @Nullable List<EmrLocation> locations,
        @Nullable PracticeLogo logo) {}

package com.patientpayments.emr.practice;

import com.patientpayments.contract.PostalAddress;
import com.patientpayments.contract.PracticeLogo;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A practice as the BFF sees it (API.md "Practice"). {@code hash} is its active landing-page hash, null when it has none;
 * {@code logo} describes its published logo (bytes at {@code GET /api/v1/practices/{id}/logo}), null when none;
 * {@code logoUrl} is the EMR's legacy outside URL, kept for compatibility and not used by the patient pages.
 */
@Serdeable
public record PracticeView(
        String id,
        @Nullable String hash,
        String tenantId,
        String companyId,
        String name,
        @Nullable String phone,
        @Nullable String phoneE164,
        @Nullable PostalAddress address,
        @Nullable String logoUrl,
        String timeZone,
        @Nullable String stripeAccountId,
        List<Location> locations,
        @Nullable PracticeLogo logo) {

    /** A practice location (office). */
    @Serdeable
    public record Location(
            String id,
            String name,
            @Nullable String phone,
            @Nullable PostalAddress address) {}
}

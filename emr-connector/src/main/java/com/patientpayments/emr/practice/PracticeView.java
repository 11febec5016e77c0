package com.patientpayments.emr.practice;

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
        @Nullable Address address,
        @Nullable String logoUrl,
        String timeZone,
        @Nullable String stripeAccountId,
        List<Location> locations,
        PracticeLogos.@Nullable Logo logo) {

    /** A postal address; null as a whole when the EMR has none. */
    @Serdeable
    public record Address(
            @Nullable String line1,
            @Nullable String line2,
            @Nullable String city,
            @Nullable String state,
            @Nullable String postalCode) {}

    /** A practice location (office). */
    @Serdeable
    public record Location(
            String id,
            String name,
            @Nullable String phone,
            @Nullable Address address) {}
}

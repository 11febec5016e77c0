package com.patientpayments.contract;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * A practice's receipt branding ({@code GET /api/v1/console/practices/{id}/branding} and its edits): the draft (null
 * when never edited) and the published branding (null: the defaults).
 */
@Introspected
@Serdeable
public record BrandingState(
        @Nullable Branding draft, @Nullable Branding published) {

    /**
     * One state of the branding: the texts the receipt prints (null: none), its logo (null: prints none) and when it
     * was last saved ({@code updatedAt}, an ISO-8601 instant; null before the first save).
     */
    @Introspected
    @Serdeable
    public record Branding(
            @Nullable String signatureText,
            @Nullable String footerText,
            @Nullable PracticeLogo logo,
            @Nullable String updatedAt) {}
}

package com.patientpayments.contract;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * A postal address as the EMR holds it (API.md "Practice"): every line may be missing; null as a whole when the EMR
 * has none.
 */
@Introspected
@Serdeable
public record PostalAddress(
        @Nullable String line1,
        @Nullable String line2,
        @Nullable String city,
        @Nullable String state,
        @Nullable String postalCode) {}

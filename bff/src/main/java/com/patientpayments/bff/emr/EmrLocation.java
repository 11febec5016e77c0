package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One office of a practice. */
@Serdeable
public record EmrLocation(
        String id,
        String name,
        @Nullable String phone,
        @Nullable EmrAddress address) {}

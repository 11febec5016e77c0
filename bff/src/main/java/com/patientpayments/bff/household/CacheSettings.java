package com.patientpayments.bff.household;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Redis cache lifetimes.
 *
 * @param chargesTtl  household and open charges (dropped at once when a payment for the household posts)
 * @param practiceTtl practice landing data (practices change rarely; one day per the build checklist)
 * @param receiptTtl  a receipt's payload ({@code receipt:<txId>}), kept after payment for the PDF and the email
 */
@ConfigurationProperties("payments.cache")
public record CacheSettings(
        @Bindable(defaultValue = "30m") Duration chargesTtl,
        @Bindable(defaultValue = "1d") Duration practiceTtl,
        @Bindable(defaultValue = "30m") Duration receiptTtl) {}

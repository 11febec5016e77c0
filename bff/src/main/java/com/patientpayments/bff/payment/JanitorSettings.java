package com.patientpayments.bff.payment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The janitor that settles payment attempts whose final webhook never came ({@link AttemptJanitor}).
 *
 * @param enabled      whether the scheduled run is on; default true
 * @param interval     time between runs; default 5 minutes
 * @param minAge       an attempt is looked at once it has been CREATED/PROCESSING and unchanged this long (webhooks
 *                     usually arrive within seconds); default 10 minutes
 * @param abandonAfter an attempt the patient never confirmed (or never finished authenticating), unchanged this long,
 *                     is failed as {@code abandoned}: past the session's absolute timeout nobody can confirm it any
 *                     more; default 2 hours
 * @param batch        attempts looked at per run (oldest first); default 100
 */
@ConfigurationProperties("payments.janitor")
public record JanitorSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "5m") Duration interval,
        @Bindable(defaultValue = "10m") Duration minAge,
        @Bindable(defaultValue = "2h") Duration abandonAfter,
        @Bindable(defaultValue = "100") int batch) {

    public JanitorSettings {
        interval = interval == null ? Duration.ofMinutes(5) : interval;
        minAge = minAge == null ? Duration.ofMinutes(10) : minAge;
        abandonAfter = abandonAfter == null ? Duration.ofHours(2) : abandonAfter;
        batch = batch < 1 ? 100 : Math.min(batch, 500);
    }
}

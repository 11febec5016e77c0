package com.patientpayments.bff.payment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Objects;

/**
 * The janitor that settles payment attempts whose final webhook never came ({@link AttemptJanitor}).
 *
 * @param enabled      whether the scheduled run is on; default true
 * @param interval     time between runs; set in {@code application.yml} (5 minutes), which the scheduled run's
 *                     annotation reads
 * @param minAge       an attempt is looked at once it has been CREATED/PROCESSING and unchanged this long (webhooks
 *                     usually arrive within seconds); default 10 minutes
 * @param abandonAfter an attempt the patient never confirmed (or never finished authenticating), unchanged this long,
 *                     is failed as {@code abandoned}: past the session's absolute timeout nobody can confirm it any
 *                     more; default 2 hours
 * @param batch        attempts looked at per run (oldest first), kept within 1–500; default 100
 */
@ConfigurationProperties("payments.janitor")
public record JanitorSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        Duration interval,
        @Bindable(defaultValue = "10m") Duration minAge,
        @Bindable(defaultValue = "2h") Duration abandonAfter,
        @Bindable(defaultValue = "100") int batch) {

    public JanitorSettings {
        Objects.requireNonNull(interval, "payments.janitor.interval");
        Objects.requireNonNull(minAge, "payments.janitor.min-age");
        Objects.requireNonNull(abandonAfter, "payments.janitor.abandon-after");
        batch = Math.max(1, Math.min(batch, 500));
    }
}

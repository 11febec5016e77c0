package com.patientpayments.emr.household;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Loads ICU's normalization data and the Latin-ASCII rules at start-up, so the first sign-in does not wait for them. */
@Singleton
public class LastNamesWarmup {

    @EventListener
    void onStartup(StartupEvent event) {
        LastNames.matches("Đặng Æ", "Dang AE");
    }
}

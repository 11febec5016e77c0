package com.patientpayments.emr.console;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Runs Argon2id a few times at start-up (class loading, JIT of password4j's compression loop), so the first staff
 * sign-in check answers in its steady-state time, within the BFF's connector read timeout.
 */
@Singleton
public class StaffAccountsWarmup {

    @EventListener
    void onStartup(StartupEvent event) {
        for (int i = 0; i < 3; i++) {
            StaffAccounts.verify("warm-up", StaffAccounts.hash("warm-up"));
        }
    }
}

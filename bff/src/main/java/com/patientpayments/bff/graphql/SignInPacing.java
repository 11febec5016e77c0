package com.patientpayments.bff.graphql;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Pads a sign-in (patient or staff) to a minimum duration, so that a miss and a match take the same time and the
 * answer's timing does not tell an account exists.
 */
final class SignInPacing {

    private SignInPacing() {}

    /**
     * Sleeps until {@code minDuration} has passed since {@code startedNanos} (a {@link System#nanoTime()} reading);
     * returns at once when it already has. An interrupt ends the wait early and keeps the thread's interrupt flag.
     */
    static void padFrom(long startedNanos, Duration minDuration) {
        long remaining = minDuration.toNanos() - (System.nanoTime() - startedNanos);
        if (remaining > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package com.patientpayments.bff.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polling for an outcome that arrives asynchronously (no fixed sleeps as assertions). */
public final class Await {

    private Await() {}

    /**
     * Asks {@code condition} every {@code every} until it holds; fails with an {@link AssertionError} naming
     * {@code what} when {@code timeout} passes first. An interrupt ends the wait with an
     * {@link IllegalStateException} (the interrupt flag kept).
     */
    public static void until(String what, Duration timeout, Duration every, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
    }
}

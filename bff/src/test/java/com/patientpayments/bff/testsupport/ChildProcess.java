package com.patientpayments.bff.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for a service the tests start as a child JVM ({@link BffProcess}, {@link EmrConnectorProcess}). */
final class ChildProcess {

    private ChildProcess() {}

    /**
     * Asks {@code up} every 100 ms until it holds (true) or {@code timeout} passes (false; the caller stops the
     * process and says why).
     *
     * @throws IllegalStateException when the process exits meanwhile, naming {@code name}, its exit value and
     *     {@code logFile} (its output); or when the waiting thread is interrupted
     */
    static boolean awaitUp(Process process, String name, Path logFile, Duration timeout, BooleanSupplier up) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the " + name + " exited with " + process.exitValue() + "; its output is in " + logFile);
            }
            if (up.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return false;
    }
}

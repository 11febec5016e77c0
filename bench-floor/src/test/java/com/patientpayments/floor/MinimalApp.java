package com.patientpayments.floor;

import io.micronaut.runtime.Micronaut;

/**
 * The benchmarks' floor: the smallest Micronaut HTTP app of the services' Micronaut and Netty versions and the BFF's
 * Netty settings ({@code application.yml} here), so that a figure of the product can be read beside what the framework
 * itself does on the same machine in the same run. Started by the BFF's benchmarks as its own process:
 * {@code java <same JVM flags as the BFF> -cp bench-floor-*-tests.jar:<floor.classpath> com.patientpayments.floor.MinimalApp}.
 * Environment: {@code FLOOR_PORT} (HTTP port, required), {@code FLOOR_BODY_FILE} (the bytes {@code POST /graphql}
 * answers; default a short JSON object).
 */
public final class MinimalApp {

    private MinimalApp() {}

    /**
     * Starts the app; it runs until the process is stopped.
     *
     * @param args Micronaut command-line arguments (none needed)
     */
    public static void main(String[] args) {
        Micronaut.run(MinimalApp.class, args);
    }
}

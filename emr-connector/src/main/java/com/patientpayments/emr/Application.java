package com.patientpayments.emr;

import io.micronaut.runtime.Micronaut;

/** Entry point of the EMR connector. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}

package com.patientpayments.bff;

import io.micronaut.runtime.Micronaut;

/** Entry point of the patient-facing BFF. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}

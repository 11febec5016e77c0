package com.patientpayments.bff;

import com.patientpayments.bff.redis.EmbeddedRedis;
import io.micronaut.runtime.Micronaut;

/** Entry point of the patient-facing BFF. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        // Demo stand-ins (PAYMENTS_EMBEDDED=true) start before the context so their addresses are known to it.
        EmbeddedRedis.startIfWanted();
        String emrUrl = System.getenv("EMR_URL");
        if (emrUrl != null && !emrUrl.isBlank()) {
            System.setProperty("micronaut.http.services.emr.url", emrUrl);
        }
        Micronaut.run(Application.class, args);
    }
}

package com.patientpayments.bff.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Failure counters by operation and reason ({@code pp_failures_total{operation, reason}}). Callers pass constants
 * (e.g. {@code "signIn"}, {@code "rate_limited"}), never values from the request, so the label set stays bounded.
 */
@Singleton
public class Failures {

    private final MeterRegistry registry;

    public Failures(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String operation, String reason) {
        Counter.builder("pp.failures")
                .description("Failures by operation and reason")
                .tag("operation", operation)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}

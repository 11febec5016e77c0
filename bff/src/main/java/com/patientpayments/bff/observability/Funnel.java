package com.patientpayments.bff.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

/**
 * Patient funnel counters per practice ({@code pp_funnel_total{step, practice}}): {@code landing} (practice page
 * fetched), {@code signed_in}, {@code payment_started}, {@code payment_completed}. Label values are bounded: steps are
 * this enum and a practice hash is only counted for a practice that exists.
 */
@Singleton
public class Funnel {

    /** Funnel steps, in patient order. */
    public enum Step {
        LANDING("landing"),
        SIGNED_IN("signed_in"),
        PAYMENT_STARTED("payment_started"),
        PAYMENT_COMPLETED("payment_completed");

        private final String label;

        Step(String label) {
            this.label = label;
        }
    }

    private final MeterRegistry registry;
    private final ApplicationEventPublisher<FunnelStepReached> events;

    /** @param events where each step is published ({@link FunnelStepReached}: the console persists daily counts) */
    public Funnel(MeterRegistry registry, ApplicationEventPublisher<FunnelStepReached> events) {
        this.registry = registry;
        this.events = events;
    }

    /** Counts one patient reaching {@code step} at the practice with this (existing) hash. */
    public void record(Step step, String practiceHash) {
        Counter.builder("pp.funnel")
                .description("Patients reaching each funnel step, per practice")
                .tag("step", step.label)
                .tag("practice", practiceHash)
                .register(registry)
                .increment();
        events.publishEvent(new FunnelStepReached(step.name(), practiceHash));
    }
}

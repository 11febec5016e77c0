package com.patientpayments.bff.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Client-chosen operation names cannot blow up the metric label set. */
class OperationMetricsTest {

    @Test
    void labelsAreBounded() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OperationMetrics metrics = new OperationMetrics(registry, new Failures(registry));
        assertThat(metrics.label(null)).isEqualTo("anonymous");
        assertThat(metrics.label("Charges")).isEqualTo("Charges");
        assertThat(metrics.label("100234 García")).isEqualTo("other");
        assertThat(metrics.label("x".repeat(41))).isEqualTo("other");
        for (int i = 0; i < 200; i++) {
            metrics.label("Op" + i);
        }
        assertThat(metrics.label("Op199")).isEqualTo("other");
        assertThat(metrics.label("Charges")).isEqualTo("Charges");
    }
}

package com.patientpayments.bff.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.observability.Failures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Only operation names the server knows become labels; a client's free text is {@code other}. */
class OperationMetricsTest {

    @Test
    void onlyKnownOperationNamesAreLabels() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KnownOperations known = new KnownOperations();
        OperationMetrics metrics = new OperationMetrics(registry, new Failures(registry), known);
        assertThat(known.names())
                .contains(
                        "Practice",
                        "SignIn",
                        "Household",
                        "StartPayment",
                        "Receipt",
                        "practice",
                        "signIn",
                        "household",
                        "startPayment");
        assertThat(metrics.label(null)).isEqualTo("anonymous");
        assertThat(metrics.label("Household")).isEqualTo("Household");
        assertThat(metrics.label("signIn")).isEqualTo("signIn");
        assertThat(metrics.label("100234 García")).isEqualTo("other");
        assertThat(metrics.label("Op1")).isEqualTo("other");
        assertThat(metrics.label("Abc123x1")).isEqualTo("other");
        assertThat(metrics.label("household2")).isEqualTo("other");
    }
}

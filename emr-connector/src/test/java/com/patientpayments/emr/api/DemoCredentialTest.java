package com.patientpayments.emr.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.patientpayments.emr.EmrSettings;
import com.patientpayments.emr.support.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** README "Secrets": the public demo credential works only in the embedded demo; elsewhere the connector won't start. */
class DemoCredentialTest {

    @Test
    void outsideTheEmbeddedDemoTheDemoCredentialStopsTheStartNamingTheVariableNotTheValue() {
        assertThatThrownBy(() -> TestApp.start(Map.of("payments.emr.api-key", EmrSettings.DEMO_API_KEY)))
                .satisfies(e -> {
                    String messages = chain(e);
                    assertThat(messages).contains("EMR_API_KEY").doesNotContain(EmrSettings.DEMO_API_KEY);
                });
    }

    @Test
    void inTheEmbeddedDemoTheDemoCredentialIsAccepted() {
        try (TestApp app = TestApp.start(
                Map.of("payments.emr.api-key", EmrSettings.DEMO_API_KEY, "payments.emr.embedded", true))) {
            assertThat(app.send("GET", "/api/v1/practices/by-hash/K7MX4Q", null, EmrSettings.DEMO_API_KEY)
                            .status())
                    .isEqualTo(200);
        }
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append('\n');
        }
        return b.toString();
    }
}

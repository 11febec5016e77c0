package com.patientpayments.bff.web;

import com.patientpayments.bff.receipt.MintAdminToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSecretsGuardTest {

    private static final String REAL_ADMIN_KEY = "a-real-admin-key-of-at-least-32-bytes-0123456789";
    private static final List<String> DEMO_WEBHOOK = List.of(DemoSecretsGuard.DEMO_WEBHOOK_SECRET);

    @Test
    void demoDefaultsAreFineWithTheSimulatedProvider() {
        assertThat(DemoSecretsGuard.problems(false, DEMO_WEBHOOK, MintAdminToken.DEMO_SECRET,
                DemoSecretsGuard.DEMO_EMR_API_KEY, "", "")).isEmpty();
    }

    @Test
    void realProviderRefusesEveryDemoDefaultAndStandIn() {
        assertThat(DemoSecretsGuard.problems(true, List.of("whsec_real", DemoSecretsGuard.DEMO_WEBHOOK_SECRET),
                MintAdminToken.DEMO_SECRET, DemoSecretsGuard.DEMO_EMR_API_KEY, " ", null))
                .hasSize(5)
                .anyMatch(p -> p.contains("STRIPE_WEBHOOK_SECRET"))
                .anyMatch(p -> p.contains("ADMIN_JWT_SECRET"))
                .anyMatch(p -> p.contains("EMR_API_KEY"))
                .anyMatch(p -> p.contains("SES_ENDPOINT"))
                .anyMatch(p -> p.contains("SQS_ENDPOINT"));
    }

    @Test
    void realProviderWithRealConfigurationStarts() {
        assertThat(DemoSecretsGuard.problems(true, List.of("whsec_real"), REAL_ADMIN_KEY, "k-real",
                "https://email.us-east-1.amazonaws.com", "https://sqs.us-east-1.amazonaws.com")).isEmpty();
    }

    @Test
    void theGuardStopsAStartUpAndNamesNoSecretValue() {
        var error = org.assertj.core.api.Assertions.catchThrowable(() -> new DemoSecretsGuard(
                new com.patientpayments.bff.payment.StripeProperties("sk_live_x", null, null, "usd", 50,
                        java.time.Duration.ofSeconds(10), null),
                new com.patientpayments.bff.webhook.WebhookProperties(List.of("whsec_real"),
                        java.time.Duration.ofMinutes(5)),
                new com.patientpayments.bff.receipt.ReceiptProperties(java.time.Duration.ofMinutes(5), REAL_ADMIN_KEY,
                        java.time.Duration.ofHours(1)),
                "k-real", "", "https://sqs.example"));
        assertThat(error).isInstanceOf(IllegalStateException.class).hasMessageContaining("SES_ENDPOINT")
                .hasMessageNotContaining("k-real").hasMessageNotContaining(REAL_ADMIN_KEY);
    }
}

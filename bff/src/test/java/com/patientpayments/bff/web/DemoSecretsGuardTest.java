package com.patientpayments.bff.web;

import com.patientpayments.bff.payment.StripeProperties;
import com.patientpayments.bff.receipt.MintAdminToken;
import com.patientpayments.bff.receipt.ReceiptProperties;
import com.patientpayments.bff.webhook.WebhookProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoSecretsGuardTest {

    private static final String REAL_ADMIN_KEY = "a-real-admin-key-of-at-least-32-bytes-0123456789";

    private static StripeProperties stripe(String secretKey) {
        return new StripeProperties(secretKey, null, null, "usd", 50, Duration.ofSeconds(10), null);
    }

    private static WebhookProperties webhook(String... secrets) {
        return new WebhookProperties(List.of(secrets), Duration.ofMinutes(5));
    }

    private static ReceiptProperties receipt(String adminKey) {
        return new ReceiptProperties(Duration.ofMinutes(5), adminKey, Duration.ofHours(1));
    }

    @Test
    void demoDefaultsAreFineWithTheSimulatedProvider() {
        assertThatCode(() -> new DemoSecretsGuard(stripe(null),
                webhook(DemoSecretsGuard.DEMO_WEBHOOK_SECRET), receipt(MintAdminToken.DEMO_SECRET)))
                .doesNotThrowAnyException();
    }

    @Test
    void realProviderRefusesTheDemoWebhookSecretEvenBesideARealOne() {
        assertThatThrownBy(() -> new DemoSecretsGuard(stripe("sk_live_x"),
                webhook("whsec_real", DemoSecretsGuard.DEMO_WEBHOOK_SECRET), receipt(REAL_ADMIN_KEY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET");
    }

    @Test
    void realProviderRefusesTheDemoAdminKey() {
        assertThatThrownBy(() -> new DemoSecretsGuard(stripe("sk_live_x"),
                webhook("whsec_real"), receipt(MintAdminToken.DEMO_SECRET)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ADMIN_JWT_SECRET");
    }

    @Test
    void realProviderWithRealSecretsStarts() {
        assertThatCode(() -> new DemoSecretsGuard(stripe("sk_live_x"), webhook("whsec_real"), receipt(REAL_ADMIN_KEY)))
                .doesNotThrowAnyException();
    }
}

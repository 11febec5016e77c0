package com.patientpayments.bff.payment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@code POST /webhooks/stripe} authenticates Stripe's events.
 *
 * @param secrets   signing secrets ({@code whsec_…}) accepted at the same time, so a secret can be rotated without
 *                  losing events; from env {@code STRIPE_WEBHOOK_SECRET}, comma-separated. The first one is also the
 *                  secret the demo's Stripe stand-in signs with. Default: the demo's documented
 *                  {@code whsec_demo_patient_payments}, set in {@code application.yml} (the env binding).
 * @param tolerance how far an event's signed timestamp may lie in the past or in the future (replay window);
 *                  default 5 minutes
 */
@ConfigurationProperties("payments.webhook")
public record WebhookSettings(
        List<String> secrets, @Bindable(defaultValue = "5m") Duration tolerance) {

    public WebhookSettings {
        secrets = secrets == null
                ? List.of()
                : secrets.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (secrets.isEmpty()) {
            throw new IllegalStateException(
                    "payments.webhook.secrets (STRIPE_WEBHOOK_SECRET) must name at least one secret");
        }
        Objects.requireNonNull(tolerance, "payments.webhook.tolerance");
    }

    /** The first secret: the one a sender of events (the demo's Stripe stand-in) signs with. */
    public String signingSecret() {
        return secrets.get(0);
    }
}

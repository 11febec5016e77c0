package com.patientpayments.bff.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the operator's payment settings become: the documented defaults, trimming, and the refusals at startup. */
class PaymentSettingsDefaultsTest {

    @Test
    void blankStripeKeysMeanTheSimulatorAndGivenOnesAreTrimmed() {
        StripeSettings simulator = new StripeSettings(" ", "", null, null, 0, null);
        assertThat(simulator.stripeMode()).isFalse();
        assertThat(simulator.secretKey()).isNull();
        assertThat(simulator.publishableKey()).isNull();
        assertThat(simulator.apiBase()).isNull();
        assertThat(simulator.currency()).isEqualTo("usd");
        assertThat(simulator.minimumCents()).isEqualTo(50);
        assertThat(simulator.timeout()).isEqualTo(Duration.ofSeconds(10));

        StripeSettings live = new StripeSettings(
                " sk_test_x ", "pk_test_x", "http://127.0.0.1:12111", " CAD ", 100, Duration.ofSeconds(3));
        assertThat(live.stripeMode()).isTrue();
        assertThat(live.secretKey()).isEqualTo("sk_test_x");
        assertThat(live.currency()).isEqualTo("cad");
        assertThat(live.minimumCents()).isEqualTo(100);
        assertThat(live.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(new StripeSettings(null, null, null, " ", -1, null).currency())
                .isEqualTo("usd");
    }

    @Test
    void webhookSecretsAreTrimmedTheFirstSignsAndNoneStopsTheStart() {
        WebhookSettings p = new WebhookSettings(List.of(" whsec_new ", "", "whsec_old"), null);
        assertThat(p.secrets()).containsExactly("whsec_new", "whsec_old");
        assertThat(p.signingSecret()).isEqualTo("whsec_new");
        assertThat(p.tolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(new WebhookSettings(List.of("s"), Duration.ofMinutes(1)).tolerance())
                .isEqualTo(Duration.ofMinutes(1));

        for (List<String> none : Arrays.<List<String>>asList(null, List.of(), List.of(" "))) {
            assertThatThrownBy(() -> new WebhookSettings(none, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("STRIPE_WEBHOOK_SECRET");
        }
    }

    @Test
    void janitorBatchIsClampedAndAbsentDurationsDefault() {
        JanitorSettings defaults = new JanitorSettings(true, null, null, null, 0);
        assertThat(defaults.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.minAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.abandonAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.batch()).isEqualTo(100);
        assertThat(new JanitorSettings(true, null, null, null, 10_000).batch()).isEqualTo(500);
        JanitorSettings given =
                new JanitorSettings(false, Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofHours(1), 7);
        assertThat(given.batch()).isEqualTo(7);
        assertThat(given.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(given.minAge()).isEqualTo(Duration.ofMinutes(2));
        assertThat(given.abandonAfter()).isEqualTo(Duration.ofHours(1));

        PaymentSettings payment = new PaymentSettings(null, null, null);
        assertThat(payment.recentWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(payment.providerRecheckAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(payment.providerRecheckEvery()).isEqualTo(Duration.ofSeconds(3));
        PaymentSettings givenPayment =
                new PaymentSettings(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(givenPayment.recentWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(givenPayment.providerRecheckAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(givenPayment.providerRecheckEvery()).isEqualTo(Duration.ofSeconds(2));
    }
}

package com.patientpayments.bff.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the operator's payment settings become: trimming, clamping and the refusals at startup. The defaults
 * themselves are what the running context binds ({@code ConfigDefaultsTest}); built directly, a record takes no
 * second copy of them and refuses an absent value by its key.
 */
class PaymentSettingsDefaultsTest {

    private static final Duration D = Duration.ofSeconds(1);

    @Test
    void blankStripeKeysMeanTheSimulatorAndGivenOnesAreTrimmed() {
        StripeSettings simulator = new StripeSettings(" ", "", null, "usd", 50, D);
        assertThat(simulator.stripeMode()).isFalse();
        assertThat(simulator.secretKey()).isNull();
        assertThat(simulator.publishableKey()).isNull();
        assertThat(simulator.apiBase()).isNull();

        StripeSettings live = new StripeSettings(
                " sk_test_x ", "pk_test_x", "http://127.0.0.1:12111", " CAD ", 100, Duration.ofSeconds(3));
        assertThat(live.stripeMode()).isTrue();
        assertThat(live.secretKey()).isEqualTo("sk_test_x");
        assertThat(live.currency()).isEqualTo("cad");
        assertThat(live.minimumCents()).isEqualTo(100);
        assertThat(live.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aBlankCurrencyOrANonPositiveMinimumStopsTheStartNamingTheKey() {
        for (String blank : Arrays.asList(null, "", " ")) {
            assertThatThrownBy(() -> new StripeSettings(null, null, null, blank, 50, D))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("payments.stripe.currency");
        }
        for (long cents : new long[] {0, -1}) {
            assertThatThrownBy(() -> new StripeSettings(null, null, null, "usd", cents, D))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("payments.stripe.minimum-cents");
        }
        assertThatThrownBy(() -> new StripeSettings(null, null, null, "usd", 50, null))
                .hasMessage("payments.stripe.timeout");
    }

    @Test
    void webhookSecretsAreTrimmedTheFirstSignsAndNoneStopsTheStart() {
        WebhookSettings p = new WebhookSettings(List.of(" whsec_new ", "", "whsec_old"), D);
        assertThat(p.secrets()).containsExactly("whsec_new", "whsec_old");
        assertThat(p.signingSecret()).isEqualTo("whsec_new");
        assertThat(new WebhookSettings(List.of("s"), Duration.ofMinutes(1)).tolerance())
                .isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> new WebhookSettings(List.of("s"), null)).hasMessage("payments.webhook.tolerance");

        for (List<String> none : Arrays.<List<String>>asList(null, List.of(), List.of(" "))) {
            assertThatThrownBy(() -> new WebhookSettings(none, D))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("STRIPE_WEBHOOK_SECRET");
        }
    }

    @Test
    void janitorBatchIsClampedAndAbsentDurationsAreRefused() {
        assertThat(new JanitorSettings(true, D, D, D, 0).batch()).isEqualTo(1);
        assertThat(new JanitorSettings(true, D, D, D, 10_000).batch()).isEqualTo(500);
        JanitorSettings given =
                new JanitorSettings(false, Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofHours(1), 7);
        assertThat(given.batch()).isEqualTo(7);
        assertThat(given.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(given.minAge()).isEqualTo(Duration.ofMinutes(2));
        assertThat(given.abandonAfter()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> new JanitorSettings(true, null, D, D, 100)).hasMessage("payments.janitor.interval");
        assertThatThrownBy(() -> new JanitorSettings(true, D, null, D, 100)).hasMessage("payments.janitor.min-age");
        assertThatThrownBy(() -> new JanitorSettings(true, D, D, null, 100))
                .hasMessage("payments.janitor.abandon-after");

        PaymentSettings givenPayment =
                new PaymentSettings(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(givenPayment.recentWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(givenPayment.providerRecheckAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(givenPayment.providerRecheckEvery()).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> new PaymentSettings(null, D, D)).hasMessage("payments.payment.recent-window");
    }
}

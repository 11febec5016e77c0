package com.patientpayments.bff.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.demo.StripeStandIn;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.BeanProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo controls' refusals and the provider's answers when Stripe refuses or is gone, through the real stripe-java
 * against the demo's Stripe stand-in (mode {@code SIMULATED}): each fault gets its own specific error, never a raw
 * Stripe exception.
 */
class TestModeControlsTest {

    private static final String CARD = "4242 4242 4242 4242";

    private HttpServer webhook;
    private StripeStandIn standIn;
    private StripePaymentProvider provider;
    private TestModeControls controls;

    @BeforeEach
    void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        URI target = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/webhooks/stripe");
        standIn = new StripeStandIn(0, "sk_test_controls", () -> target, "whsec_controls");
        BeanProvider<Supplier<URI>> standIns = () -> standIn;
        StripeEndpoint endpoint =
                new StripeEndpoint(new StripeSettings(null, null, null, "usd", 50, Duration.ofSeconds(5)), standIns);
        provider = new StripePaymentProvider(endpoint, Duration.ofSeconds(5));
        controls = provider.testModeControls().orElseThrow();
    }

    @AfterEach
    void stop() {
        standIn.close();
        webhook.stop(0);
    }

    private String paid(long cents) {
        String id = provider.createIntent("att-" + cents, cents, "usd", null).intentId();
        controls.confirm(id, CARD, null);
        return id;
    }

    @Test
    void anUnknownPaymentIsNotFoundWhicheverControlAsks() {
        assertThatThrownBy(() -> controls.confirm("pi_000000unknown", CARD, null))
                .isInstanceOfSatisfying(
                        PaymentsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> controls.refund("pi_000000unknown", 100, null))
                .isInstanceOf(ProviderRefusedException.class);
        assertThatThrownBy(() -> provider.clientSecret("pi_000000unknown", null))
                .isInstanceOfSatisfying(
                        PaymentsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("expired");
    }

    @Test
    void aPaymentOfAnotherAccountIsNotFound() {
        String id = provider.createIntent("att-account", 700, "usd", null).intentId();
        assertThatThrownBy(() -> controls.confirm(id, CARD, "acct_1SomeoneElse000"))
                .isInstanceOfSatisfying(
                        PaymentsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void refundsAreRefusedWithTheReason() {
        String unpaid = provider.createIntent("att-unpaid", 900, "usd", null).intentId();
        assertThatThrownBy(() -> controls.refund(unpaid, 100, null))
                .isInstanceOf(ProviderRefusedException.class)
                .hasMessage("Only a succeeded payment can be refunded.");

        String id = paid(1_000);
        assertThatThrownBy(() -> controls.refund(id, 1_001, null))
                .isInstanceOf(ProviderRefusedException.class)
                .hasMessage("The refund must be between 1 and 1000 cents.");
        controls.refund(id, 1_000, null);
        assertThatThrownBy(() -> controls.refund(id, 1, null))
                .isInstanceOf(ProviderRefusedException.class)
                .hasMessage("This payment has already been refunded in full.");
    }

    @Test
    void evidenceNeedsAnOpenDisputeAndAKnownWord() throws Exception {
        String id = paid(1_200);
        assertThatThrownBy(() -> controls.disputeEvidence(id, "winning_evidence", null))
                .isInstanceOf(ProviderRefusedException.class)
                .hasMessage("This payment has no open dispute.");

        String disputed =
                provider.createIntent("att-disputed", 1_400, "usd", null).intentId();
        controls.confirm(disputed, "4000 0000 0000 0259", null);
        // The test card's dispute opens a moment later (as in Stripe's test mode): until then there is none.
        String answer = "";
        for (long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                System.nanoTime() < deadline && !answer.startsWith("Evidence must be"); ) {
            try {
                controls.disputeEvidence(disputed, "maybe_evidence", null);
                answer = "accepted";
            } catch (ProviderRefusedException e) {
                answer = String.valueOf(e.getMessage());
            }
            Thread.sleep(100);
        }
        assertThat(answer).isEqualTo("Evidence must be winning_evidence or losing_evidence.");
        controls.disputeEvidence(disputed, "winning_evidence", null);
    }

    @Test
    void whenStripeIsGoneEveryCallSaysSoWithoutItsOwnException() {
        String id = paid(1_300);
        standIn.close();
        assertThatThrownBy(() -> provider.createIntent("att-gone", 500, "usd", null))
                .isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> provider.clientSecret(id, null)).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> controls.confirm(id, CARD, null)).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> controls.refund(id, 100, null)).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> controls.disputeEvidence(id, "winning_evidence", null))
                .isInstanceOf(ProviderException.class);
    }
}

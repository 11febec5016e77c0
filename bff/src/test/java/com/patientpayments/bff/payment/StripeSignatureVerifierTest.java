package com.patientpayments.bff.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeSignatureVerifierTest {

    private static final String PAYLOAD = "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}";
    private static final long NOW = 1_790_000_000L;
    private final StripeSignatureVerifier verifier = new StripeSignatureVerifier(
            new WebhookSettings(List.of("whsec_new", "whsec_old"), Duration.ofMinutes(5)),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void acceptsEitherRotatedSecret() {
        assertThat(verifier.verify(PAYLOAD, StripeSignatureVerifier.header(PAYLOAD, "whsec_new", NOW)))
                .isTrue();
        assertThat(verifier.verify(PAYLOAD, StripeSignatureVerifier.header(PAYLOAD, "whsec_old", NOW)))
                .isTrue();
    }

    @Test
    void rejectsMissingWrongSecretAndTamperedBody() {
        assertThat(verifier.verify(PAYLOAD, null)).isFalse();
        assertThat(verifier.verify(PAYLOAD, "")).isFalse();
        assertThat(verifier.verify(PAYLOAD, StripeSignatureVerifier.header(PAYLOAD, "whsec_other", NOW)))
                .isFalse();
        String header = StripeSignatureVerifier.header(PAYLOAD, "whsec_new", NOW);
        assertThat(verifier.verify(PAYLOAD.replace("evt_1", "evt_2"), header)).isFalse();
        assertThat(verifier.verify(PAYLOAD + " ", header)).isFalse();
    }

    @Test
    void toleranceAppliesToPastAndFuture() {
        assertThat(verifier.verify(PAYLOAD, StripeSignatureVerifier.header(PAYLOAD, "whsec_new", NOW - 300)))
                .isTrue();
        assertThat(verifier.verify(PAYLOAD, StripeSignatureVerifier.header(PAYLOAD, "whsec_new", NOW + 300)))
                .isTrue();
        assertThat(verifier.verify(PAYLOAD, StripeSignatureVerifier.header(PAYLOAD, "whsec_new", NOW - 301)))
                .isFalse();
        assertThat(verifier.verify(PAYLOAD, StripeSignatureVerifier.header(PAYLOAD, "whsec_new", NOW + 301)))
                .isFalse();
    }

    @Test
    void v0OnlyIsRejectedAndOneValidV1AmongSeveralIsEnough() {
        String valid = StripeSignatureVerifier.hmac("whsec_new", NOW + "." + PAYLOAD);
        assertThat(verifier.verify(PAYLOAD, "t=" + NOW + ",v0=" + valid)).isFalse();
        assertThat(verifier.verify(PAYLOAD, "t=" + NOW + ",v1=" + "0".repeat(64) + ",v1=" + valid))
                .isTrue();
        assertThat(verifier.verify(PAYLOAD, "t=" + NOW + ",v1=" + "0".repeat(64) + ",v0=" + valid))
                .isFalse();
    }

    @Test
    void malformedHeadersAreRejected() {
        String valid = StripeSignatureVerifier.hmac("whsec_new", NOW + "." + PAYLOAD);
        assertThat(verifier.verify(PAYLOAD, "v1=" + valid)).isFalse();
        assertThat(verifier.verify(PAYLOAD, "t=abc,v1=" + valid)).isFalse();
        assertThat(verifier.verify(PAYLOAD, "garbage")).isFalse();
    }

    @Test
    void queuedDeliveriesAreJudgedAgainstTheirArrivalTimeOnBothSides() {
        Instant arrived = Instant.ofEpochSecond(NOW - 3600); // arrived an hour ago, processed only now
        String signedOnArrival = StripeSignatureVerifier.header(PAYLOAD, "whsec_old", NOW - 3600);
        assertThat(verifier.verify(PAYLOAD, signedOnArrival, arrived)).isTrue();
        assertThat(verifier.verify(PAYLOAD, signedOnArrival)).isFalse();
        for (long offset : new long[] {-301, 301}) {
            String header = StripeSignatureVerifier.header(PAYLOAD, "whsec_new", NOW - 3600 + offset);
            assertThat(verifier.verify(PAYLOAD, header, arrived))
                    .as("offset %d", offset)
                    .isFalse();
        }
        for (long offset : new long[] {-300, 0, 300}) {
            String header = StripeSignatureVerifier.header(PAYLOAD, "whsec_new", NOW - 3600 + offset);
            assertThat(verifier.verify(PAYLOAD, header, arrived))
                    .as("offset %d", offset)
                    .isTrue();
        }
        // An arrival time in the future beyond the tolerance, or none, proves nothing.
        Instant later = Instant.ofEpochSecond(NOW + 3600);
        assertThat(verifier.verify(PAYLOAD, StripeSignatureVerifier.header(PAYLOAD, "whsec_new", NOW + 3600), later))
                .isFalse();
        assertThat(verifier.verify(PAYLOAD, StripeSignatureVerifier.header(PAYLOAD, "whsec_new", NOW), null))
                .isFalse();
    }
}

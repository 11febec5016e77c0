package com.patientpayments.bff.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The session JWT: only opaque claims, and anything tampered, unsigned or expired is no session. */
class SessionTokensTest {

    final SessionTokens tokens = new SessionTokens(new SessionSettings(
            Duration.ofMinutes(10),
            Duration.ofMinutes(60),
            "pp_session",
            true,
            "0123456789abcdef0123456789abcdef-test"));
    final PatientSession session = new PatientSession("sid-1", "prac-1", "K7MX4Q", "hh-1");
    final Instant now = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void roundTripCarriesOnlyOpaqueReferences() {
        String jwt = tokens.sign(session, now.plusSeconds(600), now.plusSeconds(3600));
        assertThat(tokens.verify(jwt, now))
                .get()
                .extracting(SessionTokens.VerifiedSession::session)
                .isEqualTo(session);
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        assertThat(payload)
                .contains("\"hid\":\"hh-1\"")
                .doesNotContainIgnoringCase("name")
                .doesNotContain("account");
    }

    @Test
    void expiredTamperedAndUnsignedTokensAreRejected() {
        String jwt = tokens.sign(session, now.plusSeconds(600), now.plusSeconds(3600));
        assertThat(tokens.verify(jwt, now.plusSeconds(601))).isEmpty();
        String[] parts = jwt.split("\\.");
        String otherPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]))
                        .replace("hh-1", "hh-2")
                        .getBytes());
        assertThat(tokens.verify(parts[0] + "." + otherPayload + "." + parts[2], now))
                .isEmpty();
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertThat(tokens.verify(none + "." + parts[1] + ".", now)).isEmpty();
        assertThat(tokens.verify("garbage", now)).isEmpty();
        assertThat(tokens.verify("x".repeat(5000), now)).isEmpty();
        SessionTokens otherKey = new SessionTokens(
                new SessionSettings(Duration.ofMinutes(10), Duration.ofMinutes(60), "pp_session", true, null));
        assertThat(otherKey.verify(jwt, now)).isEmpty();
    }

    @Test
    void theAbsoluteEndBoundsEvenAFreshIdleExpiry() {
        String jwt = tokens.sign(session, now.plusSeconds(600), now.plusSeconds(60));
        assertThat(tokens.verify(jwt, now.plusSeconds(59))).isPresent();
        assertThat(tokens.verify(jwt, now.plusSeconds(61))).isEmpty();
    }

    @Test
    void aRememberedTokenStillExpires() {
        String jwt = tokens.sign(session, now.plusSeconds(600), now.plusSeconds(3600));
        assertThat(tokens.verify(jwt, now)).isPresent();
        assertThat(tokens.verify(jwt, now.plusSeconds(599))).isPresent();
        assertThat(tokens.verify(jwt, now.plusSeconds(600))).isEmpty();
        String capped = tokens.sign(session, now.plusSeconds(600), now.plusSeconds(30));
        assertThat(tokens.verify(capped, now)).isPresent();
        assertThat(tokens.verify(capped, now.plusSeconds(30))).isEmpty();
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsStillRejected() {
        String jwt = tokens.sign(session, now.plusSeconds(600), now.plusSeconds(3600));
        assertThat(tokens.verify(jwt, now)).isPresent();
        char last = jwt.charAt(jwt.length() - 1);
        String tampered = jwt.substring(0, jwt.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(tokens.verify(tampered, now)).isEmpty();
        assertThat(tokens.verify(jwt + "x", now)).isEmpty();
    }
}

package com.patientpayments.bff.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A session cookie signed with the right key is still refused when it lacks what a session needs (ids, expiry,
 * absolute end) or uses another algorithm; a key too short to be safe stops the BFF at startup.
 */
class SessionTokenClaimsTest {

    // 64 bytes: enough for HS512 too, so the algorithm (not the key length) is what the refusal is about.
    private static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final SessionTokens tokens = new SessionTokens(
            new SessionSettings(Duration.ofMinutes(10), Duration.ofMinutes(60), "pp_session", true, SECRET));

    private static String signed(JWSAlgorithm alg, UnaryOperator<JWTClaimsSet.Builder> claims) throws Exception {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .jwtID("s-1")
                .claim("pid", "p-1")
                .claim("ph", "hash1")
                .claim("hid", "h-1")
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("amx", NOW.plusSeconds(3000).getEpochSecond());
        SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims.apply(b).build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @Test
    void aCompleteTokenWithoutALanguageIsAnEnglishSession() throws Exception {
        var v = tokens.verify(signed(JWSAlgorithm.HS256, b -> b), NOW).orElseThrow();
        assertThat(v.session().householdId()).isEqualTo("h-1");
        assertThat(v.session().locale()).isEqualTo("en");
        assertThat(v.absoluteEnd())
                .isEqualTo(Instant.ofEpochSecond(NOW.plusSeconds(3000).getEpochSecond()));
    }

    @Test
    void aSignedTokenMissingAnythingASessionNeedsIsRefused() throws Exception {
        assertThat(tokens.verify(signed(JWSAlgorithm.HS256, b -> b.expirationTime(null)), NOW))
                .isEmpty();
        assertThat(tokens.verify(signed(JWSAlgorithm.HS256, b -> b.claim("amx", null)), NOW))
                .isEmpty();
        assertThat(tokens.verify(signed(JWSAlgorithm.HS256, b -> b.jwtID(null)), NOW))
                .isEmpty();
        assertThat(tokens.verify(signed(JWSAlgorithm.HS256, b -> b.claim("hid", null)), NOW))
                .isEmpty();
        assertThat(tokens.verify(signed(JWSAlgorithm.HS256, b -> b.claim("pid", null)), NOW))
                .isEmpty();
        assertThat(tokens.verify(signed(JWSAlgorithm.HS256, b -> b.claim("amx", "soon")), NOW))
                .isEmpty();
    }

    @Test
    void theCookieIsByteForByteWhatPlainNimbusHs256SignsSoEarlierCookiesStillVerify() throws Exception {
        PatientSession s = new PatientSession("s-1", "p-1", "hash1", "h-1", "es");
        Instant exp = NOW.plusSeconds(300);
        Instant amx = NOW.plusSeconds(3000);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID("s-1")
                .claim("pid", "p-1")
                .claim("ph", "hash1")
                .claim("hid", "h-1")
                .claim("lc", "es")
                .expirationTime(Date.from(exp))
                .claim("amx", amx.getEpochSecond())
                .build();
        SignedJWT nimbus = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        nimbus.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(tokens.sign(s, exp, amx)).isEqualTo(nimbus.serialize());
        assertThat(tokens.verify(nimbus.serialize(), NOW).orElseThrow().session())
                .isEqualTo(s);
    }

    @Test
    void aTokenSignedWithAnotherConfiguredKeyIsRefused() throws Exception {
        SessionTokens other = new SessionTokens(new SessionSettings(
                Duration.ofMinutes(10), Duration.ofMinutes(60), "pp_session", true, SECRET.replace('0', 'z')));
        String foreign =
                other.sign(new PatientSession("s-1", "p-1", "hash1", "h-1"), NOW.plusSeconds(60), NOW.plusSeconds(600));
        assertThat(other.verify(foreign, NOW)).isPresent();
        assertThat(tokens.verify(foreign, NOW)).isEmpty();
    }

    @Test
    void anotherAlgorithmWithTheSameKeyIsRefused() throws Exception {
        assertThat(tokens.verify(signed(JWSAlgorithm.HS512, b -> b), NOW)).isEmpty();
    }

    @Test
    void anOverlongOrAbsentCookieIsRefusedWithoutParsing() {
        assertThat(tokens.verify("x".repeat(2049), NOW)).isEmpty();
        assertThat(tokens.verify(null, NOW)).isEmpty();
    }

    @Test
    void aShortSecretStopsTheStartAndNoSecretMeansAPerProcessOne() {
        assertThatThrownBy(() -> new SessionTokens(
                        new SessionSettings(Duration.ofMinutes(10), Duration.ofMinutes(60), "c", true, "short")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 bytes");
        SessionTokens a =
                new SessionTokens(new SessionSettings(Duration.ofMinutes(10), Duration.ofMinutes(60), "c", true, " "));
        SessionTokens b =
                new SessionTokens(new SessionSettings(Duration.ofMinutes(10), Duration.ofMinutes(60), "c", true, null));
        String token = a.sign(new PatientSession("s", "p", "h", "hh"), NOW.plusSeconds(60), NOW.plusSeconds(600));
        assertThat(a.verify(token, NOW)).isPresent();
        assertThat(b.verify(token, NOW)).as("another process's random key").isEmpty();
    }
}

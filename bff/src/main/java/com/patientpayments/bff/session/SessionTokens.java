package com.patientpayments.bff.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and verifies the session JWT (HS256). Claims are opaque references only: session id ({@code jti}), practice
 * id, practice hash, household id, the language ({@code lc}), the idle expiry ({@code exp}, epoch seconds) and the
 * absolute end ({@code amx}, epoch seconds).
 *
 * <p>Signing is micronaut-security-jwt's {@link SecretSignature} (header {@code {"alg":"HS256"}} only, as before, so
 * cookies issued earlier still verify); a token is parsed as a Nimbus {@link SignedJWT} (an unsigned {@code alg:
 * none} or encrypted token does not parse as one) and its signature is checked by that same {@link SecretSignature}.
 * What stays here, deliberately:
 *
 * <ul>
 *   <li>the HS256-only check on the header: {@link SecretSignature} also accepts HS384/HS512 under the same key;
 *   <li>expiry: {@code exp} and {@code amx} are checked against the caller's {@code now} on every use, including
 *       for remembered tokens, whereas micronaut's {@code ExpirationJwtClaimsValidator} reads the system clock once
 *       per validation and knows nothing of {@code amx};
 *   <li>the claims a session needs ({@code jti}, {@code pid}, {@code hid}, {@code exp}, numeric {@code amx}): a
 *       token missing one is no session. Claims are read off the validated token as Nimbus {@link JWTClaimsSet},
 *       the type micronaut-security-jwt itself returns.
 * </ul>
 *
 * <p>micronaut's {@code JwtTokenGenerator} is not used: it is a bean wired to the server-wide security
 * configuration and its claims generator adds {@code iss}, {@code iat}, {@code nbf} and {@code sub}, which would
 * change the cookie. Nor is its {@code JwtValidator}: it is deprecated for removal (since 4.8), and its replacement
 * ({@code NimbusJsonWebTokenValidator}) is a package-private bean bound to the server-wide signatures, so it cannot
 * be given this key alone without making the session key a server-wide token key; the public {@link
 * SecretSignature#verify} it calls can (the same holds for {@code ReceiptAdminPreview}). Revocation is not decided
 * here (the session store in Redis does that).
 */
@Singleton
public class SessionTokens {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTokens.class);

    /** Most verified tokens remembered; beyond it the memory starts over (a token then verifies once more). */
    static final int VERIFIED_CAPACITY = 20_000;

    private final SecretSignature signature;
    /**
     * Tokens whose signature and claims were verified, by their exact text: a session presents the same token for
     * many requests, and an exact match with a token that verified is as good as verifying it again. Expiry is still
     * checked on every use.
     */
    private final Map<String, VerifiedSession> verified = new ConcurrentHashMap<>();

    /**
     * Keys the tokens with {@code payments.session.jwt-secret} ({@code SESSION_JWT_SECRET}, UTF-8, at least 32
     * bytes), or with a random per-process key when it is unset or blank.
     *
     * @throws IllegalStateException when the secret is shorter than 32 bytes
     */
    public SessionTokens(SessionSettings settings) {
        byte[] secret;
        if (settings.jwtSecret() == null || settings.jwtSecret().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            LOG.info("SESSION_JWT_SECRET not set: using a random per-process session secret");
        } else {
            secret = settings.jwtSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new IllegalStateException("SESSION_JWT_SECRET must be at least 32 bytes");
            }
        }
        this.signature = signature(secret);
    }

    /** HS256 over the raw key bytes (passed base64-encoded, so a random key need not be valid UTF-8). */
    private static SecretSignature signature(byte[] secret) {
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("session");
        config.setSecret(Base64.getEncoder().encodeToString(secret));
        config.setBase64(true);
        config.setJwsAlgorithm(JWSAlgorithm.HS256);
        return new SecretSignature(config);
    }

    /** A signed token for the session, valid until {@code idleExpiry} and never past {@code absoluteEnd}. */
    public String sign(PatientSession s, Instant idleExpiry, Instant absoluteEnd) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(s.sessionId())
                .claim("pid", s.practiceId())
                .claim("ph", s.practiceHash())
                .claim("hid", s.householdId())
                .claim("lc", s.locale())
                .expirationTime(Date.from(idleExpiry))
                .claim("amx", absoluteEnd.getEpochSecond())
                .build();
        try {
            return signature.sign(claims).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign session", e);
        }
    }

    /** The verified, unexpired session of a token, or empty for anything else (tampered, expired, malformed). */
    public Optional<VerifiedSession> verify(@Nullable String token, Instant now) {
        if (token == null || token.length() > 2048) {
            return Optional.empty();
        }
        VerifiedSession known = verified.get(token);
        if (known != null) {
            return known.validAt(now) ? Optional.of(known) : Optional.empty();
        }
        Optional<VerifiedSession> v = verifySignature(token);
        v.ifPresent(session -> {
            if (verified.size() >= VERIFIED_CAPACITY) {
                verified.clear();
            }
            verified.put(token, session);
        });
        return v.filter(session -> session.validAt(now));
    }

    private Optional<VerifiedSession> verifySignature(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            // Signature only: expiry and claims are checked here against the caller's clock.
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !signature.verify(jwt)) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Instant exp =
                    c.getExpirationTime() == null ? null : c.getExpirationTime().toInstant();
            Long amx = c.getLongClaim("amx");
            if (exp == null || amx == null) {
                return Optional.empty();
            }
            PatientSession s = new PatientSession(
                    c.getJWTID(),
                    c.getStringClaim("pid"),
                    c.getStringClaim("ph"),
                    c.getStringClaim("hid"),
                    c.getStringClaim("lc"));
            if (s.sessionId() == null || s.householdId() == null || s.practiceId() == null) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedSession(s, exp, Instant.ofEpochSecond(amx)));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A session whose token verified, with the token's idle expiry and the session's absolute end. */
    public record VerifiedSession(PatientSession session, Instant expiry, Instant absoluteEnd) {

        boolean validAt(Instant now) {
            return now.isBefore(expiry) && now.isBefore(absoluteEnd);
        }
    }
}

package com.patientpayments.bff.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and verifies the session JWT (HS256, Nimbus as shipped with micronaut-security-jwt). Claims are opaque
 * references only: session id ({@code jti}), practice id, practice hash, household id, the language ({@code lc}), the
 * idle expiry ({@code exp}) and the absolute end ({@code amx}).
 */
@Singleton
public class SessionTokens {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTokens.class);

    /** Most verified tokens remembered; beyond it the memory starts over (a token then verifies once more). */
    static final int VERIFIED_CAPACITY = 20_000;

    private final MACSigner signer;
    private final MACVerifier verifier;
    /**
     * Tokens whose signature and claims were verified, by their exact text: a session presents the same token for
     * many requests, and an exact match with a token that verified is as good as verifying it again. Expiry is still
     * checked on every use.
     */
    private final Map<String, VerifiedSession> verified = new ConcurrentHashMap<>();

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
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException("invalid session secret", e);
        }
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
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign session", e);
        }
        return jwt.serialize();
    }

    /** The verified, unexpired session of a token, or empty for anything else (tampered, expired, malformed). */
    public Optional<VerifiedSession> verify(String token, Instant now) {
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
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
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

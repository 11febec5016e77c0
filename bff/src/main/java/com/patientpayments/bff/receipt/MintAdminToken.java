package com.patientpayments.bff.receipt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Mints a practice-admin bearer token (HS256 by micronaut-security-jwt's {@link SecretSignature}, key from env
 * {@code ADMIN_JWT_SECRET}, else the demo's documented key)
 * for {@code receiptPreview}. Usage: {@code java -cp bff.jar com.patientpayments.bff.receipt.MintAdminToken <practiceHash>
 * [minutes]}. Prints only the token.
 */
public final class MintAdminToken {

    /** The demo's documented key; any real deployment sets {@code ADMIN_JWT_SECRET}. */
    public static final String DEMO_SECRET = "demo-admin-jwt-secret-for-local-runs-only-0123456789";

    public static final String ROLE = "PRACTICE_ADMIN";

    private MintAdminToken() {}

    public static void main(String[] args) throws JOSEException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: MintAdminToken <practiceHash> [minutes]");
            System.exit(2);
        }
        String secret = System.getenv().getOrDefault("ADMIN_JWT_SECRET", DEMO_SECRET);
        Duration ttl = Duration.ofMinutes(args.length == 2 ? Long.parseLong(args[1]) : 60);
        System.out.println(mint(secret, args[0], "admin@" + args[0], ttl));
    }

    /** A signed token with role {@value #ROLE} for {@code practiceHash}. */
    public static String mint(String secret, String practiceHash, String subject, Duration ttl) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("role", ROLE)
                .claim("practice", practiceHash)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        SecretSignatureConfiguration signature = new SecretSignatureConfiguration("admin-preview");
        signature.setSecret(secret);
        signature.setJwsAlgorithm(JWSAlgorithm.HS256);
        return new SecretSignature(signature).sign(claims).serialize();
    }
}

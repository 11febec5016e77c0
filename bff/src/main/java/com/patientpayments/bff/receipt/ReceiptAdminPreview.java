package com.patientpayments.bff.receipt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.micronaut.security.token.jwt.validator.ExpirationJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JwtValidator;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Practice-admin receipt previews: verifies the bearer JWT (HS256 with {@code payments.receipt.admin-jwt-secret},
 * claim {@code role} = {@code PRACTICE_ADMIN}, claim {@code practice} = the practice hash, unexpired) and issues a
 * one-time download link of sample data or of a real transaction of that practice. Blocking.
 *
 * <p>The signature and expiry are checked by micronaut-security-jwt's {@link JwtValidator} over a {@link
 * SecretSignature} of that key (it refuses unsigned {@code alg: none} tokens); only this endpoint uses it, so the
 * rest of the server's security configuration is unchanged. A bad, expired or malformed token is
 * {@code UNAUTHENTICATED}; a valid one without the role or practice is {@code FORBIDDEN}.
 */
@Singleton
public class ReceiptAdminPreview {

    private static final String BEARER = "Bearer ";
    /** Null when previews are off on this server. */
    private final @Nullable JwtValidator<@Nullable Object> validator;

    private final ReceiptService receipts;
    private final ReceiptDownloadTokens tokens;

    public ReceiptAdminPreview(
            ReceiptSettings props,
            ReceiptService receipts,
            ReceiptDownloadTokens tokens,
            java.util.Optional<AdminPreviewGate> secrets) {
        // Outside the demo the public demo key signs nothing we accept: the feature is off (DemoSecretsGuard).
        this.validator = secrets.map(AdminPreviewGate::adminPreviewsEnabled).orElse(false)
                ? validator(props.adminJwtSecret())
                : null;
        this.receipts = receipts;
        this.tokens = tokens;
    }

    /** A one-time link to the PDF preview; {@code txId} null means sample data. */
    public ReceiptDownloadTokens.Link preview(
            @Nullable String authorization, String practiceHash, @Nullable String txId) {
        String adminPractice = verify(authorization);
        if (!adminPractice.equals(practiceHash)) {
            throw new PaymentsException(ErrorCode.FORBIDDEN, "You can preview receipts of your own practice only.");
        }
        if (txId == null) {
            receipts.practiceIdentity(practiceHash);
            return tokens.issue(new ReceiptDownloadTokens.Grant(
                    ReceiptDownloadTokens.Grant.Kind.PRACTICE_SAMPLE, null, practiceHash));
        }
        ReceiptService.requireValidId(txId);
        requirePractice(receipts.authoritative(txId), practiceHash);
        return tokens.issue(
                new ReceiptDownloadTokens.Grant(ReceiptDownloadTokens.Grant.Kind.PRACTICE_TX, txId, practiceHash));
    }

    /** Another practice's transaction answers like an unknown one. */
    public static ReceiptView requirePractice(ReceiptView view, String practiceHash) {
        if (!view.practiceHash().equals(practiceHash)) {
            throw new PaymentsException(ErrorCode.NOT_FOUND, ReceiptService.NOT_FOUND_MESSAGE);
        }
        return view;
    }

    /** HS256 over {@code secret}; the token must carry an expiry, and it must lie ahead. */
    @SuppressWarnings("unchecked") // JwtValidator.builder() is a raw type
    private static JwtValidator<@Nullable Object> validator(String secret) {
        SecretSignatureConfiguration signature = new SecretSignatureConfiguration("admin-preview");
        signature.setSecret(secret);
        signature.setJwsAlgorithm(JWSAlgorithm.HS256);
        JwtClaimsValidator<@Nullable Object> expiryPresent = (claims, request) -> claims.get("exp") != null;
        return JwtValidator.builder()
                .withSignatures(new SecretSignature(signature))
                .withClaimValidators(new ExpirationJwtClaimsValidator<@Nullable Object>(), expiryPresent)
                .build();
    }

    /** The practice hash the token grants admin rights for. */
    String verify(@Nullable String authorization) {
        JwtValidator<@Nullable Object> v = validator;
        if (v == null) {
            throw new PaymentsException(ErrorCode.FORBIDDEN, "Receipt previews are not enabled on this server.");
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw unauthenticated();
        }
        Optional<JWT> jwt = v.validate(authorization.substring(BEARER.length()).trim(), null);
        // SecretSignature also accepts HS384/HS512 under the same key; admin tokens are HS256 only, as before.
        if (jwt.isEmpty() || !JWSAlgorithm.HS256.equals(jwt.get().getHeader().getAlgorithm())) {
            throw unauthenticated();
        }
        try {
            JWTClaimsSet claims = jwt.get().getJWTClaimsSet();
            String practice = claims.getStringClaim("practice");
            if (!hasAdminRole(claims) || practice == null || practice.isBlank()) {
                throw new PaymentsException(ErrorCode.FORBIDDEN, "This account may not preview receipts.");
            }
            return practice;
        } catch (ParseException e) {
            throw unauthenticated();
        }
    }

    private static boolean hasAdminRole(JWTClaimsSet claims) throws ParseException {
        if (MintAdminToken.ROLE.equals(claims.getClaim("role"))) {
            return true;
        }
        List<String> roles = claims.getClaim("roles") instanceof List ? claims.getStringListClaim("roles") : null;
        return roles != null && roles.contains(MintAdminToken.ROLE);
    }

    private static PaymentsException unauthenticated() {
        return new PaymentsException(
                ErrorCode.UNAUTHENTICATED, "Sign in as a practice administrator to preview receipts.");
    }
}

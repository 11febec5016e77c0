package com.patientpayments.bff.receipt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.micronaut.security.token.jwt.validator.ExpirationJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Practice-admin receipt previews: verifies the bearer JWT (HS256 with {@code payments.receipt.admin-jwt-secret},
 * claim {@code role} = {@code PRACTICE_ADMIN}, claim {@code practice} = the practice hash, unexpired) and issues a
 * one-time download link of sample data or of a real transaction of that practice. Blocking.
 *
 * <p>The token is parsed as a Nimbus {@link SignedJWT} (an unsigned {@code alg: none} or encrypted token does not
 * parse as one), its header must say HS256, its signature is checked by micronaut-security-jwt's {@link
 * SecretSignature} of that key, and its expiry by micronaut's {@link ExpirationJwtClaimsValidator} (plus: an expiry
 * must be present). micronaut's {@code JwtValidator}, which did the same, is deprecated for removal, and its
 * replacement ({@code NimbusJsonWebTokenValidator}) is a package-private bean bound to the server-wide signatures, so
 * it cannot be given this key alone; the public signature and claim validators it is built from can. Only this
 * endpoint uses the key, so the rest of the server's security configuration is unchanged. A bad, expired or
 * malformed token is {@code UNAUTHENTICATED}; a valid one without the role or practice is {@code FORBIDDEN}.
 */
@Singleton
public class ReceiptAdminPreview {

    private static final String BEARER = "Bearer ";
    private static final ExpirationJwtClaimsValidator<@Nullable Object> EXPIRY = new ExpirationJwtClaimsValidator<>();

    /** Null when previews are off on this server. */
    private final @Nullable SecretSignature signature;

    private final ReceiptService receipts;
    private final ReceiptDownloadTokens tokens;

    public ReceiptAdminPreview(
            ReceiptSettings props,
            ReceiptService receipts,
            ReceiptDownloadTokens tokens,
            java.util.Optional<AdminPreviewGate> secrets) {
        // Outside the demo the public demo key signs nothing we accept: the feature is off (DemoSecretsGuard).
        this.signature = secrets.map(AdminPreviewGate::adminPreviewsEnabled).orElse(false)
                ? signature(props.adminJwtSecret())
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

    /** HS256 over {@code secret} (UTF-8). */
    private static SecretSignature signature(String secret) {
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("admin-preview");
        config.setSecret(secret);
        config.setJwsAlgorithm(JWSAlgorithm.HS256);
        return new SecretSignature(config);
    }

    /** The practice hash the token grants admin rights for. */
    String verify(@Nullable String authorization) {
        SecretSignature key = signature;
        if (key == null) {
            throw new PaymentsException(ErrorCode.FORBIDDEN, "Receipt previews are not enabled on this server.");
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw unauthenticated();
        }
        try {
            SignedJWT jwt =
                    SignedJWT.parse(authorization.substring(BEARER.length()).trim());
            // SecretSignature also accepts HS384/HS512 under the same key; admin tokens are HS256 only, as before.
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !key.verify(jwt)) {
                throw unauthenticated();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            // The validator passes a token without exp; an admin token must carry one.
            if (claims.getExpirationTime() == null || !EXPIRY.validate(new JwtClaimsSetAdapter(claims), null)) {
                throw unauthenticated();
            }
            String practice = claims.getStringClaim("practice");
            if (!hasAdminRole(claims) || practice == null || practice.isBlank()) {
                throw new PaymentsException(ErrorCode.FORBIDDEN, "This account may not preview receipts.");
            }
            return practice;
        } catch (ParseException | JOSEException e) {
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

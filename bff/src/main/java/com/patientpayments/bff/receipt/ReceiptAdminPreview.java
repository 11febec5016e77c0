package com.patientpayments.bff.receipt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Practice-admin receipt previews: verifies the bearer JWT (HS256 with {@code payments.receipt.admin-jwt-secret},
 * claim {@code role} = {@code PRACTICE_ADMIN}, claim {@code practice} = the practice hash, unexpired) and issues a
 * one-time download link of sample data or of a real transaction of that practice. Blocking.
 */
@Singleton
public class ReceiptAdminPreview {

    private static final String BEARER = "Bearer ";
    /** Null when previews are off on this server. */
    private final byte @Nullable [] secret;

    private final ReceiptService receipts;
    private final ReceiptDownloadTokens tokens;

    public ReceiptAdminPreview(
            ReceiptSettings props,
            ReceiptService receipts,
            ReceiptDownloadTokens tokens,
            java.util.Optional<AdminPreviewGate> secrets) {
        // Outside the demo the public demo key signs nothing we accept: the feature is off (DemoSecretsGuard).
        this.secret = secrets.map(AdminPreviewGate::adminPreviewsEnabled).orElse(false)
                ? props.adminJwtSecret().getBytes(StandardCharsets.UTF_8)
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

    /** The practice hash the token grants admin rights for. */
    String verify(@Nullable String authorization) {
        if (secret == null) {
            throw new PaymentsException(ErrorCode.FORBIDDEN, "Receipt previews are not enabled on this server.");
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw unauthenticated();
        }
        try {
            SignedJWT jwt =
                    SignedJWT.parse(authorization.substring(BEARER.length()).trim());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                throw unauthenticated();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (exp == null || !exp.toInstant().isAfter(Instant.now())) {
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

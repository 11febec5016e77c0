package com.patientpayments.bff.receipt;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.LAST_NAME;
import static com.patientpayments.bff.testsupport.BffTestSupport.OTHER_PRACTICE;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Practice-admin previews: a bearer JWT (HS256, role PRACTICE_ADMIN, practice claim) gets a one-time PDF link of sample
 * data or of a real transaction of that practice; an admin of practice A cannot preview practice B.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiptAdminPreviewTest implements TestPropertyProvider {

    private static final String SECRET = "test-admin-secret-" + java.util.UUID.randomUUID();
    private static final String PREVIEW =
            "query($h: ID!, $tx: ID) { receiptPreview(practiceHash: $h, txId: $tx) " + "{ url expiresAt } }";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    private String txId;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(BffTestSupport.properties(getClass()));
        p.put("micronaut.server.port", "-1");
        p.put("payments.receipt.admin-jwt-secret", SECRET);
        return p;
    }

    @BeforeAll
    void pay() {
        txId = LedgerFixture.pay(PRACTICE, ACCOUNT, LAST_NAME, 300);
    }

    @Test
    void anAdminPreviewsSampleDataOfTheirPractice() throws Exception {
        GraphQLTestClient.Result r = preview(token(PRACTICE, SECRET, "PRACTICE_ADMIN"), PRACTICE, null);
        String text = pdfText(r.data().at("/receiptPreview/url").asText());
        assertThat(text)
                .contains("Bright Smiles Dental", "Alex Sample", "Jamie Sample", "Itemized receipt for HSA/FSA");
    }

    @Test
    void anAdminPreviewsARealTransactionOfTheirPractice() throws Exception {
        GraphQLTestClient.Result r = preview(token(PRACTICE, SECRET, "PRACTICE_ADMIN"), PRACTICE, txId);
        assertThat(pdfText(r.data().at("/receiptPreview/url").asText())).contains(txId, "Maria García", "$3.00");
    }

    @Test
    void anAdminOfAnotherPracticeCannotPreviewThisOne() {
        String otherAdmin = token(OTHER_PRACTICE, SECRET, "PRACTICE_ADMIN");
        assertThat(preview(otherAdmin, PRACTICE, null).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(preview(otherAdmin, PRACTICE, txId).errorCode()).isEqualTo("FORBIDDEN");
        // Their own practice hash with this practice's transaction: like an unknown transaction.
        GraphQLTestClient.Result own = preview(otherAdmin, OTHER_PRACTICE, txId);
        assertThat(own.errorCode()).as(own.raw()).isEqualTo("NOT_FOUND");
        assertThat(own.data().path("receiptPreview").isMissingNode()
                        || own.data().isNull()
                        || own.data().path("receiptPreview").isNull())
                .isTrue();
    }

    @Test
    void missingForgedOrUnprivilegedTokensAreRefused() {
        assertThat(preview(null, PRACTICE, null).errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(preview(token(PRACTICE, SECRET + "x", "PRACTICE_ADMIN"), PRACTICE, null)
                        .errorCode())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(preview("Bearer not.a.jwt", PRACTICE, null).errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(preview(token(PRACTICE, SECRET, "PATIENT"), PRACTICE, null).errorCode())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void expiredUnsignedOrOtherwiseSignedTokensAreRefused() throws Exception {
        long now = System.currentTimeMillis();
        var expired = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject("x")
                .claim("role", MintAdminToken.ROLE)
                .claim("practice", PRACTICE)
                .expirationTime(new java.util.Date(now - 60_000))
                .build();
        assertThat(preview(signed(expired, JWSAlgorithm.HS256), PRACTICE, null).errorCode())
                .isEqualTo("UNAUTHENTICATED");
        var noExpiry = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject("x")
                .claim("role", MintAdminToken.ROLE)
                .claim("practice", PRACTICE)
                .build();
        assertThat(preview(signed(noExpiry, JWSAlgorithm.HS256), PRACTICE, null).errorCode())
                .isEqualTo("UNAUTHENTICATED");
        var valid = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject("x")
                .claim("role", MintAdminToken.ROLE)
                .claim("practice", PRACTICE)
                .expirationTime(new java.util.Date(now + 300_000))
                .build();
        // The same claims are accepted when signed as the product signs them, so each refusal below is the header's.
        assertThat(preview(signed(valid, JWSAlgorithm.HS256), PRACTICE, null).errorCode())
                .isNull();
        assertThat(preview("Bearer " + new com.nimbusds.jwt.PlainJWT(valid).serialize(), PRACTICE, null)
                        .errorCode())
                .isEqualTo("UNAUTHENTICATED");
        // Signed with the right key, but HS384: admin tokens are HS256 only.
        assertThat(preview(signed(valid, JWSAlgorithm.HS384), PRACTICE, null).errorCode())
                .isEqualTo("UNAUTHENTICATED");
    }

    private static String signed(com.nimbusds.jwt.JWTClaimsSet claims, JWSAlgorithm alg) throws Exception {
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader(alg), claims);
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return "Bearer " + jwt.serialize();
    }

    private static String token(String practice, String secret, String role) {
        try {
            String t = MintAdminToken.mint(secret, practice, "admin-test", Duration.ofMinutes(5));
            if (!MintAdminToken.ROLE.equals(role)) {
                // Re-sign with another role: same key, valid signature, wrong privilege.
                var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                        .subject("x")
                        .claim("role", role)
                        .claim("practice", practice)
                        .expirationTime(new java.util.Date(System.currentTimeMillis() + 300_000))
                        .build();
                var jwt = new com.nimbusds.jwt.SignedJWT(
                        new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims);
                jwt.sign(new com.nimbusds.jose.crypto.MACSigner(
                        secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                t = jwt.serialize();
            }
            return "Bearer " + t;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private GraphQLTestClient.Result preview(String authorization, String practice, String tx) {
        try {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("h", practice);
            vars.put("tx", tx);
            String body = JSON.writeValueAsString(Map.of("query", PREVIEW, "variables", vars));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            return new GraphQLTestClient(server.getURL()).send(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String pdfText(String url) throws Exception {
        assertThat(url).startsWith("/receipts/download/");
        HttpResponse<byte[]> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    private String base() {
        return server.getURL().toString().replaceAll("/$", "");
    }
}

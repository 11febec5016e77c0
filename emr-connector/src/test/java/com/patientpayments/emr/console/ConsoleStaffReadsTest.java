package com.patientpayments.emr.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.emr.support.Fixtures;
import com.patientpayments.emr.support.TestApp;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's staff, refund-request and branding reads ({@link StaffRepository}, {@link RefundRequestRepository},
 * {@link ReceiptBrandingRepository}) over HTTP against practices of this test's own. Sign-in finds an active account
 * by email whatever its case and surrounding spaces; a staff member lists the practices with an active landing page
 * (newest active hash) by name with their locations by name, support every practice; the role decides who reaches a
 * practice; a refund request is answered by its key (the same one again, another practice's is 404); branding texts
 * read back as saved, drafted and published.
 */
class ConsoleStaffReadsTest {
    private static final String PASSWORD = "reads-console-pw";
    private static final String HASH_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static TestApp app;
    private static String tag;
    private static Fixtures.Household a;
    private static Fixtures.Household b;
    private static UUID noPage;
    private static UUID member;
    private static UUID support;
    private static UUID gone;
    private static String email;
    private static String transaction;
    private static String hashA;
    private static String hashB;

    @BeforeAll
    static void start() throws SQLException {
        app = TestApp.start();
        tag = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        try (Connection c = app.connect()) {
            a = Fixtures.household(c, "Alpha", List.of(new Fixtures.ChargeSpec(LocalDate.of(2026, 3, 1), 5000)));
            b = Fixtures.household(c, "Beta", List.of());
            noPage = Fixtures.household(c, "Gamma", List.of()).practiceId();
            exec(
                    c,
                    "UPDATE practices SET name = ?, stripe_account_id = ? WHERE id = ?",
                    "A " + tag,
                    "acct_" + tag,
                    a.practiceId());
            exec(c, "UPDATE practices SET name = ? WHERE id = ?", "B " + tag, b.practiceId());
            exec(c, "UPDATE practices SET name = ? WHERE id = ?", "0 " + tag, noPage);
            exec(
                    c,
                    "INSERT INTO practice_locations (id, practice_id, name) VALUES (?, ?, 'Annex')",
                    UUID.randomUUID(),
                    a.practiceId());
            // two active hashes: the newest is the one listed; an inactive one is never listed
            hash(c, randomHash(), a.practiceId(), true, "2026-01-01T00:00:00Z");
            hashA = randomHash();
            hash(c, hashA, a.practiceId(), true, "2026-02-01T00:00:00Z");
            hashB = randomHash();
            hash(c, hashB, b.practiceId(), true, "2026-01-01T00:00:00Z");
            hash(c, randomHash(), noPage, false, "2026-01-01T00:00:00Z");
            email = "Mixed.Case-" + tag + "@Example.Test";
            member = staff(c, email, false, true);
            support = staff(c, "support-" + tag + "@example.test", true, true);
            gone = staff(c, "gone-" + tag + "@example.test", false, false);
            member(c, member, a.practiceId(), "BILLING");
            member(c, member, b.practiceId(), "PRACTICE_ADMIN");
            member(c, member, noPage, "BILLING");
            member(c, gone, a.practiceId(), "PRACTICE_ADMIN");
        }
        transaction = app.pay(a.id(), 4000, "pi_reads_" + tag).json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void signInFindsAnActiveAccountByEmailWhateverItsCase() {
        // a right password of a member whose role can refund: the second factor is asked, so the account was found
        assertThat(check("  " + email.toUpperCase(Locale.ROOT) + " ", PASSWORD)).isEqualTo("OTP_REQUIRED");
        assertThat(check(email.toLowerCase(Locale.ROOT), PASSWORD)).isEqualTo("OTP_REQUIRED");
        assertThat(check(email, "wrong-" + PASSWORD)).isEqualTo("INVALID");
        assertThat(check("gone-" + tag + "@example.test", PASSWORD)).isEqualTo("INVALID");
        assertThat(check("nobody-" + tag + "@example.test", PASSWORD)).isEqualTo("INVALID");
        JsonNode ok = app.post(
                        "/api/v1/staff/sign-in-check",
                        TestApp.json("email", "SUPPORT-" + tag + "@example.test", "password", PASSWORD))
                .json();
        assertThat(ok.get("outcome").asText()).isEqualTo("OK");
        assertThat(ok.get("staff").get("id").asText()).isEqualTo(support.toString());
        assertThat(ok.get("staff").get("support").asBoolean()).isTrue();
    }

    @Test
    void aStaffMemberListsPracticesWithALandingPageByNameWithTheirLocations() {
        JsonNode m = app.get("/api/v1/staff/" + member).json();
        assertThat(m.get("email").asText()).isEqualTo(email);
        assertThat(m.get("displayName").asText()).isEqualTo("Reader " + email);
        assertThat(m.get("support").asBoolean()).isFalse();
        List<String> practices = new ArrayList<>();
        m.get("practices")
                .forEach(p -> practices.add(p.get("name").asText() + " "
                        + p.get("hash").asText() + " " + p.get("role").asText() + " "
                        + p.get("timeZone").asText()));
        assertThat(practices)
                .containsExactly(
                        "A " + tag + " " + hashA + " BILLING UTC", "B " + tag + " " + hashB + " PRACTICE_ADMIN UTC");
        JsonNode locations = m.get("practices").get(0).get("locations");
        assertThat(locations).hasSize(2);
        assertThat(locations.get(0).get("name").asText()).isEqualTo("Annex");
        assertThat(locations.get(1).get("name").asText()).isEqualTo("Main");
        assertThat(m.get("practices").get(0).get("id").asText())
                .isEqualTo(a.practiceId().toString());

        JsonNode s = app.get("/api/v1/staff/" + support).json();
        List<String> seen = new ArrayList<>();
        s.get("practices")
                .forEach(p ->
                        seen.add(p.get("name").asText() + " " + p.get("role").asText()));
        assertThat(seen).containsSubsequence("A " + tag + " SUPPORT", "B " + tag + " SUPPORT");
        assertThat(seen).doesNotContain("0 " + tag + " SUPPORT");

        assertThat(app.get("/api/v1/staff/" + gone).status()).isEqualTo(404);
        assertThat(app.get("/api/v1/staff/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void theRoleDecidesWhoReachesAPractice() {
        assertThat(console(member, a.practiceId(), "GET", "/branding", null).status())
                .isEqualTo(200);
        assertThat(console(support, b.practiceId(), "GET", "/branding", null).status())
                .isEqualTo(200);
        assertThat(console(gone, a.practiceId(), "GET", "/branding", null).status())
                .isEqualTo(404);
        assertThat(console(member, UUID.randomUUID(), "GET", "/branding", null).status())
                .isEqualTo(404);
        assertThat(console(support, UUID.randomUUID(), "GET", "/branding", null).status())
                .isEqualTo(404);
        // billing may not edit branding; support may not refund
        assertThat(console(member, a.practiceId(), "PUT", "/branding/draft", TestApp.json("signatureText", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(console(support, a.practiceId(), "POST", "/refund-requests", refund("k-support-" + tag, 100))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRefundRequestIsAnsweredByItsKey() {
        String key = "k-reads-" + tag;
        TestApp.Response first = console(member, a.practiceId(), "POST", "/refund-requests", refund(key, 1000));
        assertThat(first.status()).isEqualTo(201);
        JsonNode r = first.json();
        assertThat(r.get("transactionId").asText()).isEqualTo(transaction);
        assertThat(r.get("providerReference").asText()).isEqualTo("pi_reads_" + tag);
        assertThat(r.get("stripeAccountId").asText()).isEqualTo("acct_" + tag);
        assertThat(r.get("amountCents").asLong()).isEqualTo(1000);
        assertThat(r.get("reason").asText()).isEqualTo("DUPLICATE");
        assertThat(r.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(r.get("providerRefundId").isNull()).isTrue();
        assertThat(r.get("created").asBoolean()).isTrue();

        TestApp.Response again = console(member, a.practiceId(), "POST", "/refund-requests", refund(key, 1000));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(r.get("id").asText());
        assertThat(again.json().get("created").asBoolean()).isFalse();
        assertThat(console(member, a.practiceId(), "POST", "/refund-requests", refund(key, 900))
                        .status())
                .isEqualTo(409);

        String path = "/refund-requests/" + r.get("id").asText();
        String settle = TestApp.json("providerRefundId", "re_reads_" + tag);
        // another practice's staff (admin there) cannot see it
        assertThat(console(member, b.practiceId(), "PUT", path, settle).status())
                .isEqualTo(404);
        JsonNode settled = console(member, a.practiceId(), "PUT", path, settle).json();
        assertThat(settled.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(settled.get("providerRefundId").asText()).isEqualTo("re_reads_" + tag);
        assertThat(settled.get("created").asBoolean()).isTrue();
        JsonNode twice = console(member, a.practiceId(), "PUT", path, settle).json();
        assertThat(twice.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(twice.get("created").asBoolean()).isFalse();
        assertThat(console(member, a.practiceId(), "PUT", "/refund-requests/" + UUID.randomUUID(), settle)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void brandingTextsReadBackAsSavedAndPublished() {
        JsonNode empty =
                console(member, b.practiceId(), "GET", "/branding", null).json();
        assertThat(empty.get("draft").isNull()).isTrue();
        assertThat(empty.get("published").isNull()).isTrue();

        JsonNode drafted = console(
                        member,
                        b.practiceId(),
                        "PUT",
                        "/branding/draft",
                        TestApp.json("signatureText", "Signed " + tag, "footerText", "Footer " + tag))
                .json();
        assertThat(drafted.get("draft").get("signatureText").asText()).isEqualTo("Signed " + tag);
        assertThat(drafted.get("draft").get("footerText").asText()).isEqualTo("Footer " + tag);
        assertThat(Instant.parse(drafted.get("draft").get("updatedAt").asText()))
                .isNotNull();
        assertThat(drafted.get("published").isNull()).isTrue();
        assertThat(texts("").get("signatureText").isNull()).isTrue();
        assertThat(texts("?state=DRAFT").get("signatureText").asText()).isEqualTo("Signed " + tag);

        JsonNode published = console(member, b.practiceId(), "POST", "/branding/publish", null)
                .json();
        assertThat(published.get("published").get("signatureText").asText()).isEqualTo("Signed " + tag);
        assertThat(published.get("published").get("footerText").asText()).isEqualTo("Footer " + tag);
        assertThat(texts("").get("footerText").asText()).isEqualTo("Footer " + tag);
        // the other practice's branding is untouched
        assertThat(console(member, a.practiceId(), "GET", "/branding", null)
                        .json()
                        .get("published")
                        .isNull())
                .isTrue();
    }

    private static JsonNode texts(String query) {
        TestApp.Response r = app.get("/api/v1/practices/by-hash/" + hashB + "/receipt-branding" + query);
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static String randomHash() {
        StringBuilder h = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            h.append(HASH_ALPHABET.charAt(RANDOM.nextInt(HASH_ALPHABET.length())));
        }
        return h.toString();
    }

    private static String refund(String key, long cents) {
        return TestApp.json(
                "transactionId", transaction, "amountCents", cents, "reason", "DUPLICATE", "idempotencyKey", key);
    }

    private static String check(String email, String password) {
        return app.post("/api/v1/staff/sign-in-check", TestApp.json("email", email, "password", password))
                .json()
                .get("outcome")
                .asText();
    }

    private static TestApp.Response console(UUID staff, UUID practice, String method, String path, String body) {
        return app.send(
                method,
                "/api/v1/console/practices/" + practice + path,
                body,
                TestApp.KEY,
                null,
                Map.of("X-Staff-Id", staff.toString()));
    }

    private static UUID staff(Connection c, String email, boolean support, boolean active) throws SQLException {
        UUID id = UUID.randomUUID();
        exec(
                c,
                "INSERT INTO staff_accounts (id, email, display_name, password_hash, support, active)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                id,
                email,
                "Reader " + email,
                StaffAccounts.hash(PASSWORD),
                support,
                active);
        return id;
    }

    private static void member(Connection c, UUID staff, UUID practice, String role) throws SQLException {
        exec(c, "INSERT INTO staff_memberships (staff_id, practice_id, role) VALUES (?, ?, ?)", staff, practice, role);
    }

    private static void hash(Connection c, String hash, UUID practice, boolean active, String createdAt)
            throws SQLException {
        exec(
                c,
                "INSERT INTO practice_hashes (hash, practice_id, active, created_at) VALUES (?, ?, ?, ?)",
                hash,
                practice,
                active,
                Timestamp.from(Instant.parse(createdAt)));
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}

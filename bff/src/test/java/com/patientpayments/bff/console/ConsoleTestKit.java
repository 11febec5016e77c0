package com.patientpayments.bff.console;

import com.patientpayments.bff.testsupport.GraphQLTestClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The console's demo staff (emr-connector demo.DemoConsole) and an RFC 6238 code generator written here, apart from
 * the connector's TOTP library, so a test would notice if the two disagreed.
 */
final class ConsoleTestKit {
    static final String PASSWORD = "demo-console-2026";
    static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    static final String ADMIN = "admin@bright-smiles.example";
    static final String BILLING = "billing@bright-smiles.example";
    static final String SUPPORT = "support@pms-vendor.example";
    static final String LAKESIDE_ADMIN = "admin@lakeside-dentistry.example";
    static final String BRIGHT = id("practice:bright");
    static final String LAKESIDE = id("practice:lakeside");
    static final String SIGN_IN = "mutation($e: String!, $p: String!, $o: String) { staffSignIn(email: $e,"
            + " password: $p, otp: $o) { ok otpRequired message staff { id displayName } } }";

    private ConsoleTestKit() {}

    /** A demo id (DemoData.id). */
    static String id(String name) {
        return UUID.nameUUIDFromBytes(("patient-payments-demo:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The TOTP code (SHA-1, 6 digits, 30 s) of the demo secret now. */
    static String code() {
        return code(Instant.now().getEpochSecond() / 30);
    }

    static String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(SECRET), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0xF;
            int bin = ((h[o] & 0x7F) << 24) | ((h[o + 1] & 0xFF) << 16) | ((h[o + 2] & 0xFF) << 8) | (h[o + 3] & 0xFF);
            return String.format("%06d", bin % 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char ch : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(ch);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static final java.util.Map<String, java.util.Set<Long>> USED = new java.util.HashMap<>();

    /**
     * A code of {@code email} not used yet in this JVM (the connector accepts each code once per staff member): the
     * current or next step's, else the current one after waiting for the next step.
     */
    static synchronized String unusedCode(String email) {
        java.util.Set<Long> used = USED.computeIfAbsent(email, e -> new java.util.HashSet<>());
        while (true) {
            long now = Instant.now().getEpochSecond() / 30;
            for (long step = now; step <= now + 1; step++) {
                if (used.add(step)) {
                    return code(step);
                }
            }
            try {
                Thread.sleep((now + 1) * 30_000 - Instant.now().toEpochMilli() + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The connector id of a fixture household's practice. */
    static String practiceOf(com.patientpayments.bff.testsupport.ConnectorHouseholds.Household h) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        com.patientpayments.bff.testsupport.EmrConnectorProcess.shared()
                                .jdbcUrl());
                java.sql.PreparedStatement s =
                        c.prepareStatement("SELECT practice_id FROM practice_hashes WHERE hash = ?")) {
            s.setString(1, h.practiceHash());
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** A household of its own practice and a new admin of that practice, signed in to the console. */
    record PracticeAdmin(
            com.patientpayments.bff.testsupport.ConnectorHouseholds.Household household,
            String practiceId,
            String email,
            GraphQLTestClient client) {}

    /**
     * A new household (one $60.00 charge) and a new practice admin ({@code <prefix>-<uuid>@example.test}, shown as
     * {@code displayName}) of its practice, signed in to the console at {@code server}.
     */
    static PracticeAdmin practiceAdmin(java.net.URL server, String prefix, String displayName) throws Exception {
        var h = com.patientpayments.bff.testsupport.ConnectorHouseholds.create(
                new com.patientpayments.bff.testsupport.ConnectorHouseholds.Charge(
                        java.time.LocalDate.of(2026, 5, 4), 6000));
        String practiceId = practiceOf(h);
        String email = prefix + "-" + UUID.randomUUID() + "@example.test";
        adminOf(practiceId, email, displayName);
        return new PracticeAdmin(h, practiceId, email, staff(server, email));
    }

    /** As {@link #practiceAdmin(java.net.URL, String, String)}, shown as "Console Tester". */
    static PracticeAdmin practiceAdmin(java.net.URL server, String prefix) throws Exception {
        return practiceAdmin(server, prefix, "Console Tester");
    }

    /** A practice admin of {@code practiceId} with the demo's password hash and authenticator secret. */
    static void adminOf(String practiceId, String email, String displayName) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                com.patientpayments.bff.testsupport.EmrConnectorProcess.shared().jdbcUrl())) {
            UUID id = UUID.randomUUID();
            try (java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO staff_accounts (id, email,"
                    + " display_name, password_hash, totp_secret) SELECT ?, ?, ?, password_hash,"
                    + " totp_secret FROM staff_accounts WHERE email = ?")) {
                s.setObject(1, id);
                s.setString(2, email);
                s.setString(3, displayName);
                s.setString(4, ADMIN);
                if (s.executeUpdate() != 1) {
                    throw new IllegalStateException("the demo admin is missing");
                }
            }
            try (java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO staff_memberships (staff_id,"
                    + " practice_id, role) VALUES (?, ?, 'PRACTICE_ADMIN')")) {
                s.setObject(1, id);
                s.setObject(2, UUID.fromString(practiceId));
                s.executeUpdate();
            }
        }
    }

    /** A browser signed in to the console as {@code email} (with the authenticator code when asked). */
    static GraphQLTestClient staff(java.net.URL server, String email) {
        GraphQLTestClient c = new GraphQLTestClient(server);
        var first = c.execute(SIGN_IN, "e", email, "p", PASSWORD, "o", null);
        if (first.data().at("/staffSignIn/ok").asBoolean()) {
            return c;
        }
        if (!first.data().at("/staffSignIn/otpRequired").asBoolean()) {
            throw new IllegalStateException("staff sign-in failed: " + first.raw());
        }
        var second = c.execute(SIGN_IN, "e", email, "p", PASSWORD, "o", unusedCode(email));
        if (!second.data().at("/staffSignIn/ok").asBoolean()) {
            throw new IllegalStateException("staff sign-in with the code failed: " + second.raw());
        }
        return c;
    }
}

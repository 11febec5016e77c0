package com.patientpayments.emr.console;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.patientpayments.emr.Jdbc;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Staff accounts: the sign-in check (Argon2id password through password4j, then an RFC 6238 authenticator code
 * through dev.samstevens.totp for members whose role can refund), and who may see which practice.
 *
 * <p>An unknown email is checked against a fixed dummy hash, so it costs what a wrong password costs. A code is
 * accepted once per staff member: the time step it matched is recorded in {@code staff_totp_used} (V8) in the
 * caller's write transaction, whose primary key lets at most one of two concurrent sign-ins with the same code pass.
 */
@Singleton
public class StaffAccounts {
    /** OWASP's Argon2id minimum: 19 MiB, 2 iterations, 1 lane, 32-byte hash. */
    static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private static final String DUMMY_HASH = hash("not a password of anyone");

    /** RFC 6238 time step in seconds. */
    static final int PERIOD_SECONDS = 30;

    /** Steps accepted either side of now (clock drift, a code typed in its last seconds). */
    static final int ALLOWED_DRIFT_STEPS = 1;

    private final DefaultCodeGenerator totp = new DefaultCodeGenerator();
    private final Clock clock;

    /** Sign-in checks on the system clock. */
    @jakarta.inject.Inject
    public StaffAccounts() {
        this(Clock.systemUTC());
    }

    /** Sign-in checks on {@code clock} (tests move time across TOTP steps). */
    public StaffAccounts(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of a sign-in check. */
    public enum Outcome {
        OK,
        OTP_REQUIRED,
        INVALID
    }

    /** What the sign-in check answers: the outcome, and the staff member only when {@code OK}. */
    @io.micronaut.serde.annotation.Serdeable
    public record Check(Outcome outcome, @Nullable StaffView staff) {}

    /** An Argon2id PHC string of {@code password} with a random 16-byte salt. */
    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    /** Whether {@code password} matches an Argon2id PHC string (its own parameters and salt). */
    static boolean verify(String password, String phc) {
        return Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
    }

    /**
     * Checks email + password (+ code). {@code OTP_REQUIRED} only after a right password when the member's role can
     * refund and no code was given; a wrong code, and a right code already used by this member, are {@code INVALID}
     * like everything else. Writes (the used code): call in a write transaction.
     */
    public Check check(Connection c, String email, String password, @Nullable String otp) {
        var row = Jdbc.one(
                c,
                "SELECT id, password_hash, totp_secret FROM staff_accounts" + " WHERE lower(email) = ? AND active",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                email.strip().toLowerCase(Locale.ROOT));
        String stored = row.map(r -> r[1]).orElse(DUMMY_HASH);
        boolean passwordOk = verify(password, stored);
        if (row.isEmpty() || !passwordOk) {
            return new Check(Outcome.INVALID, null);
        }
        StaffView staff = find(c, UUID.fromString(row.get()[0])).orElseThrow();
        boolean needsCode = staff.practices().stream().anyMatch(p -> p.role().canRefund());
        if (needsCode) {
            String secret = row.get()[2];
            if (otp == null || otp.isBlank()) {
                return new Check(Outcome.OTP_REQUIRED, null);
            }
            if (secret == null || !otp.strip().matches("[0-9]{6}")) {
                return new Check(Outcome.INVALID, null);
            }
            Optional<Long> step = matchingStep(secret, otp.strip());
            if (step.isEmpty() || !firstUse(c, UUID.fromString(row.get()[0]), step.get())) {
                return new Check(Outcome.INVALID, null);
            }
        }
        return new Check(Outcome.OK, staff);
    }

    /** The time step within now ± {@link #ALLOWED_DRIFT_STEPS} whose code is {@code code}; compared in constant time. */
    private Optional<Long> matchingStep(String secret, String code) {
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        Optional<Long> match = Optional.empty();
        for (long step = now - ALLOWED_DRIFT_STEPS; step <= now + ALLOWED_DRIFT_STEPS; step++) {
            String expected;
            try {
                expected = totp.generate(secret, step);
            } catch (CodeGenerationException e) {
                return Optional.empty(); // an unusable stored secret: no code matches
            }
            if (MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                match = Optional.of(step);
            }
        }
        return match;
    }

    /**
     * Records that {@code staffId} used the code of {@code step}; false when it was used already (or a concurrent
     * sign-in recorded it first: the primary key makes the second INSERT wait for the first and then do nothing).
     * Rows older than the window are deleted on the way.
     */
    private boolean firstUse(Connection c, UUID staffId, long step) {
        long oldest = clock.instant().getEpochSecond() / PERIOD_SECONDS - ALLOWED_DRIFT_STEPS;
        Jdbc.update(c, "DELETE FROM staff_totp_used WHERE staff_id = ? AND step < ?", staffId, oldest - 1);
        return Jdbc.update(
                        c,
                        "INSERT INTO staff_totp_used (staff_id, step) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        staffId,
                        step)
                == 1;
    }

    /** A staff member with the practices they may see; empty when unknown or deactivated. */
    public Optional<StaffView> find(Connection c, UUID staffId) {
        return Jdbc.one(
                        c,
                        "SELECT id, email, display_name, support FROM staff_accounts WHERE id = ? AND active",
                        rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)},
                        staffId)
                .map(r -> new StaffView(
                        (String) r[0], (String) r[1], (String) r[2], (Boolean) r[3], practices(c, staffId, (Boolean)
                                r[3])));
    }

    /**
     * The role of a staff member in a practice: their membership's, {@code SUPPORT} for the vendor's support (every
     * practice), empty when they may not see it.
     */
    public Optional<StaffRole> role(Connection c, UUID staffId, UUID practiceId) {
        return Jdbc.one(
                c,
                "SELECT CASE WHEN s.support THEN 'SUPPORT' ELSE m.role END FROM staff_accounts s"
                        + " LEFT JOIN staff_memberships m ON m.staff_id = s.id AND m.practice_id = ?"
                        + " WHERE s.id = ? AND s.active AND (s.support OR m.role IS NOT NULL)"
                        + " AND EXISTS (SELECT 1 FROM practices p WHERE p.id = ?)",
                rs -> StaffRole.valueOf(rs.getString(1)),
                practiceId,
                staffId,
                practiceId);
    }

    private static List<StaffView.Practice> practices(Connection c, UUID staffId, boolean support) {
        String sql = "SELECT p.id, (SELECT h.hash FROM practice_hashes h WHERE h.practice_id = p.id AND h.active"
                + " ORDER BY h.created_at DESC LIMIT 1) AS hash, p.name, p.time_zone, "
                + (support
                        ? "'SUPPORT' AS role FROM practices p"
                        : "m.role FROM practices p JOIN staff_memberships m"
                                + " ON m.practice_id = p.id AND m.staff_id = ?")
                + " ORDER BY p.name, p.id";
        Object[] params = support ? new Object[0] : new Object[] {staffId};
        Map<String, Object[]> rows = new LinkedHashMap<>();
        for (Object[] r : Jdbc.list(
                c,
                sql,
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                },
                params)) {
            rows.put((String) r[0], r);
        }
        List<StaffView.Practice> out = new ArrayList<>();
        for (Object[] r : rows.values()) {
            if (r[1] == null) {
                continue; // no active landing page: nothing a console could link to
            }
            List<StaffView.Location> locations = Jdbc.list(
                    c,
                    "SELECT id, name FROM practice_locations" + " WHERE practice_id = ? ORDER BY name, id",
                    rs -> new StaffView.Location(rs.getString(1), rs.getString(2)),
                    UUID.fromString((String) r[0]));
            out.add(new StaffView.Practice(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    StaffRole.valueOf((String) r[4]),
                    locations));
        }
        return out;
    }
}

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
import java.util.List;
import java.util.Locale;
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
 * The reads go through {@link StaffRepository}, joining the caller's transaction.
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
    private final StaffRepository rows;
    private final Clock clock;

    /** Sign-in checks on the system clock. */
    @jakarta.inject.Inject
    public StaffAccounts(StaffRepository rows) {
        this(rows, Clock.systemUTC());
    }

    /** Sign-in checks on {@code clock} (tests move time across TOTP steps). */
    public StaffAccounts(StaffRepository rows, Clock clock) {
        this.rows = rows;
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
     * like everything else. Writes (the used code): call in a write transaction, on its connection {@code c} (the
     * reads join that transaction).
     */
    public Check check(Connection c, String email, String password, @Nullable String otp) {
        var row = rows.signIn(email.strip().toLowerCase(Locale.ROOT));
        String stored = row.map(StaffRepository.SignInRow::passwordHash).orElse(DUMMY_HASH);
        boolean passwordOk = verify(password, stored);
        if (row.isEmpty() || !passwordOk) {
            return new Check(Outcome.INVALID, null);
        }
        StaffView staff = find(row.get().id()).orElseThrow();
        boolean needsCode = staff.practices().stream().anyMatch(p -> p.role().canRefund());
        if (needsCode) {
            String secret = row.get().totpSecret();
            if (otp == null || otp.isBlank()) {
                return new Check(Outcome.OTP_REQUIRED, null);
            }
            if (secret == null || !otp.strip().matches("[0-9]{6}")) {
                return new Check(Outcome.INVALID, null);
            }
            Optional<Long> step = matchingStep(secret, otp.strip());
            if (step.isEmpty() || !firstUse(c, row.get().id(), step.get())) {
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

    /**
     * A staff member with the practices they may see (by name, then id; only those with an active landing page, each
     * with its locations by name, then id); empty when unknown or deactivated. Call inside a transaction.
     */
    public Optional<StaffView> find(UUID staffId) {
        return rows.staff(staffId)
                .map(r -> new StaffView(
                        r.id(),
                        r.email(),
                        r.displayName(),
                        r.support(),
                        practices(r.support() ? rows.everyPractice() : rows.memberPractices(staffId))));
    }

    /**
     * The role of a staff member in a practice: their membership's, {@code SUPPORT} for the vendor's support (every
     * practice), empty when they may not see it (or either is unknown, or the member is deactivated).
     */
    public Optional<StaffRole> role(UUID staffId, UUID practiceId) {
        return rows.role(staffId, practiceId).map(StaffRole::valueOf);
    }

    private List<StaffView.Practice> practices(List<StaffRepository.PracticeRow> practices) {
        List<StaffView.Practice> out = new ArrayList<>();
        for (StaffRepository.PracticeRow p : practices) {
            String hash = p.hash();
            if (hash == null) {
                continue; // no active landing page: nothing a console could link to
            }
            List<StaffView.Location> locations = rows.locations(UUID.fromString(p.id())).stream()
                    .map(l -> new StaffView.Location(l.id(), l.name()))
                    .toList();
            out.add(new StaffView.Practice(
                    p.id(), hash, p.name(), p.timeZone(), StaffRole.valueOf(p.role()), locations));
        }
        return out;
    }
}

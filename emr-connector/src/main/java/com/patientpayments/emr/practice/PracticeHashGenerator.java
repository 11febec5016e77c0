package com.patientpayments.emr.practice;

import com.patientpayments.emr.Jdbc;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Issues landing-page hashes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), so a
 * hash read off a paper statement is typed right. Collision-safe by construction: it inserts and, on a unique
 * violation, draws again (inside a savepoint so the caller's transaction survives) — never check-then-insert.
 */
@Singleton
public class PracticeHashGenerator {
    public static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    public static final int LENGTH = 6;
    static final int MAX_ATTEMPTS = 20;

    private final RandomGenerator random;

    @jakarta.inject.Inject
    public PracticeHashGenerator() {
        this(new SecureRandom());
    }

    PracticeHashGenerator(RandomGenerator random) {
        this.random = random;
    }

    /** A random candidate; uniqueness is the database's job. */
    public String candidate() {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }

    /** Inserts a new active hash for the practice and returns it. */
    public String issue(Connection c, UUID practiceId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String hash = candidate();
            Savepoint savepoint = savepoint(c);
            try {
                Jdbc.update(
                        c,
                        "INSERT INTO practice_hashes (hash, practice_id, active) VALUES (?, ?, TRUE)",
                        hash,
                        practiceId);
                release(c, savepoint);
                return hash;
            } catch (Jdbc.DataAccessFailure e) {
                rollback(c, savepoint);
                if (!e.isUniqueViolation()) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("no free practice hash after " + MAX_ATTEMPTS + " attempts");
    }

    private static Savepoint savepoint(Connection c) {
        try {
            return c.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("savepoint failed", e);
        }
    }

    private static void release(Connection c, Savepoint s) {
        try {
            c.releaseSavepoint(s);
        } catch (SQLException e) {
            throw new IllegalStateException("savepoint release failed", e);
        }
    }

    private static void rollback(Connection c, Savepoint s) {
        try {
            c.rollback(s);
        } catch (SQLException e) {
            throw new IllegalStateException("savepoint rollback failed", e);
        }
    }
}

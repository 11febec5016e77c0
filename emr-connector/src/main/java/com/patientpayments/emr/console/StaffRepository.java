package com.patientpayments.emr.console;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The reads behind staff accounts ({@link StaffAccounts}): the sign-in row of an email, an active staff member, their
 * role in a practice, the practices they may see and each practice's locations. A Micronaut Data repository whose
 * native {@code @Query} statements return flat row records; call it inside a transaction (the sign-in check's write
 * transaction, a console call's) so the statements share its connection. Only active accounts are ever read.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class StaffRepository implements GenericRepository<StaffRepository.StaffTable, UUID> {
    private static final String PRACTICE_COLUMNS = "SELECT p.id, (SELECT h.hash FROM practice_hashes h"
            + " WHERE h.practice_id = p.id AND h.active ORDER BY h.created_at DESC LIMIT 1) AS hash,"
            + " p.name, p.time_zone, ";

    /** The active account signing in with {@code lowerCaseEmail} (already stripped and lower-cased); empty if none. */
    @Query("SELECT id, password_hash, totp_secret FROM staff_accounts WHERE lower(email) = :lowerCaseEmail AND active")
    protected abstract Optional<SignInRow> signIn(String lowerCaseEmail);

    /** The active staff member; empty when unknown or deactivated. */
    @Query("SELECT id, email, display_name, support FROM staff_accounts WHERE id = :staffId AND active")
    protected abstract Optional<StaffRow> staff(UUID staffId);

    /**
     * The role ({@link StaffRole} name) of an active staff member in an existing practice: their membership's,
     * {@code SUPPORT} for the vendor's support; empty when they may not see it.
     */
    @Query("SELECT CASE WHEN s.support THEN 'SUPPORT' ELSE m.role END FROM staff_accounts s"
            + " LEFT JOIN staff_memberships m ON m.staff_id = s.id AND m.practice_id = :practiceId"
            + " WHERE s.id = :staffId AND s.active AND (s.support OR m.role IS NOT NULL)"
            + " AND EXISTS (SELECT 1 FROM practices p WHERE p.id = :practiceId)")
    protected abstract Optional<String> role(UUID staffId, UUID practiceId);

    /** Every practice with role {@code SUPPORT} (what the vendor's support sees), by name, then id. */
    @Query(PRACTICE_COLUMNS + "'SUPPORT' AS role FROM practices p ORDER BY p.name, p.id")
    protected abstract List<PracticeRow> everyPractice();

    /** The practices a staff member is a member of, with their role there, by name, then id. */
    @Query(PRACTICE_COLUMNS + "m.role FROM practices p JOIN staff_memberships m"
            + " ON m.practice_id = p.id AND m.staff_id = :staffId ORDER BY p.name, p.id")
    protected abstract List<PracticeRow> memberPractices(UUID staffId);

    /** A practice's locations, by name, then id. */
    @Query("SELECT id, name FROM practice_locations WHERE practice_id = :practiceId ORDER BY name, id")
    protected abstract List<LocationRow> locations(UUID practiceId);

    /** What the sign-in check needs of an account: its Argon2id PHC string and its TOTP secret (null: none). */
    @Introspected
    protected record SignInRow(
            UUID id, String passwordHash, @Nullable String totpSecret) {}

    /** An active staff member's own columns. */
    @Introspected
    protected record StaffRow(String id, String email, String displayName, boolean support) {}

    /** A practice a staff member may see: its newest active hash (null: none), name, time zone and the role. */
    @Introspected
    protected record PracticeRow(String id, @Nullable String hash, String name, String timeZone, String role) {}

    /** A location's id and name. */
    @Introspected
    protected record LocationRow(String id, String name) {}

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used).
     */
    @MappedEntity("staff_accounts")
    static final class StaffTable {
        @Id
        private final UUID id;

        StaffTable(UUID id) {
            this.id = id;
        }

        public UUID getId() {
            return id;
        }
    }
}

package com.patientpayments.emr.household;

import com.patientpayments.emr.charge.ChargeRepository;
import com.patientpayments.emr.charge.OpenChargesView;
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
 * Households, their patients and balances: a Micronaut Data repository whose native {@code @Query} statements return
 * flat row records, assembled here into {@link HouseholdView}. Call it inside a (read) transaction so the statements
 * share one connection.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class HouseholdRepository implements GenericRepository<HouseholdRepository.HouseholdTable, UUID> {
    private final ChargeRepository charges;

    protected HouseholdRepository(ChargeRepository charges) {
        this.charges = charges;
    }

    /**
     * The household id for an active hash + account number whose guarantor's last name {@link LastNames#matches}
     * the typed one; empty for any mismatch alike. The stored name is folded at query time (account numbers are
     * unique per practice, so at most one row is compared), so a change of the folding rule needs no data migration.
     */
    public Optional<UUID> lookup(String practiceHash, String accountNumber, String typedLastName) {
        return onFile(practiceHash, accountNumber)
                .filter(h -> LastNames.matches(h.guarantorLastName(), typedLastName))
                .map(OnFile::id);
    }

    /**
     * {@link #lookup} answered in the one statement sign-in needs: the matched household's id, practice and the
     * practice's newest active hash, without its patients or balances (which {@link #find} reads in three more
     * statements and sign-in never uses). Same match rule, same empty answer for every mismatch.
     */
    public Optional<HouseholdMatch> match(String practiceHash, String accountNumber, String typedLastName) {
        return matchRow(practiceHash, accountNumber)
                .filter(h -> LastNames.matches(h.guarantorLastName(), typedLastName))
                .map(h -> new HouseholdMatch(h.id(), h.practiceId(), h.hash()));
    }

    /** The household with its patients (by first name, then id) and open balances; empty when there is none. */
    public Optional<HouseholdView> find(UUID id) {
        List<HouseholdView.Patient> patients = patientRows(id).stream()
                .map(p -> new HouseholdView.Patient(
                        p.id(), p.firstName(), p.lastName(), p.firstName() + " " + p.lastName()))
                .toList();
        return householdRow(id).map(h -> {
            OpenChargesView open = charges.open(id);
            return new HouseholdView(
                    h.id(),
                    h.practiceId(),
                    h.hash(),
                    h.accountNumber(),
                    h.guarantorFirstName() + " " + h.guarantorLastName(),
                    open.balanceCents(),
                    open.creditCents(),
                    open.disputedCents(),
                    "USD",
                    patients);
        });
    }

    /** Whether a household with this id exists. */
    public boolean exists(UUID id) {
        return one(id).isPresent();
    }

    /** The account number of the practice's household with this account number; empty when it has none. */
    @Query("SELECT account_number FROM households WHERE practice_id = :practiceId AND account_number = :accountNumber")
    public abstract Optional<String> accountNumberIn(UUID practiceId, String accountNumber);

    @Query("SELECT h.id, h.guarantor_last_name FROM households h"
            + " JOIN practice_hashes ph ON ph.practice_id = h.practice_id"
            + " WHERE ph.hash = :practiceHash AND ph.active AND h.account_number = :accountNumber")
    protected abstract Optional<OnFile> onFile(String practiceHash, String accountNumber);

    @Query("SELECT h.id, h.practice_id, h.guarantor_last_name, (SELECT c.hash FROM practice_hashes c"
            + " WHERE c.practice_id = h.practice_id AND c.active ORDER BY c.created_at DESC, c.hash LIMIT 1) AS hash"
            + " FROM households h JOIN practice_hashes ph ON ph.practice_id = h.practice_id"
            + " WHERE ph.hash = :practiceHash AND ph.active AND h.account_number = :accountNumber")
    protected abstract Optional<MatchRow> matchRow(String practiceHash, String accountNumber);

    @Query("SELECT id, first_name, last_name FROM patients WHERE household_id = :householdId ORDER BY first_name, id")
    protected abstract List<PatientRow> patientRows(UUID householdId);

    @Query("SELECT h.id, h.practice_id, h.account_number, h.guarantor_first_name,"
            + " h.guarantor_last_name, (SELECT ph.hash FROM practice_hashes ph WHERE ph.practice_id = h.practice_id"
            + " AND ph.active ORDER BY ph.created_at DESC, ph.hash LIMIT 1) AS hash"
            + " FROM households h WHERE h.id = :id")
    protected abstract Optional<HouseholdRow> householdRow(UUID id);

    @Query("SELECT 1 FROM households WHERE id = :id")
    protected abstract Optional<Integer> one(UUID id);

    /** The household matched by hash and account number, with the last name sign-in compares. */
    @Introspected
    protected record OnFile(UUID id, String guarantorLastName) {}

    /** The household {@link #match} compares, with its practice's newest active hash (null when none). */
    @Introspected
    protected record MatchRow(
            String id,
            String practiceId,
            String guarantorLastName,
            @Nullable String hash) {}

    /** One row of {@code patients}. */
    @Introspected
    protected record PatientRow(String id, String firstName, String lastName) {}

    /** One household with its practice's newest active hash (null when the practice has none). */
    @Introspected
    protected record HouseholdRow(
            String id,
            String practiceId,
            String accountNumber,
            String guarantorFirstName,
            String guarantorLastName,
            @Nullable String hash) {}

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used).
     */
    @MappedEntity("households")
    static final class HouseholdTable {
        @Id
        private final UUID id;

        HouseholdTable(UUID id) {
            this.id = id;
        }

        public UUID getId() {
            return id;
        }
    }
}

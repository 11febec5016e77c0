package com.patientpayments.emr.charge;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Charges of a household with their balances, computed from the append-only applications: balance = amount − sum of
 * application rows (reversals are negative rows). Ordered by the allocation rule: date of service, then entry_seq. A
 * Micronaut Data repository: native {@code @Query} statements return flat row records, assembled here into
 * {@link ChargeView}. Call it inside a (read) transaction so the statements share one connection.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class ChargeRepository implements GenericRepository<ChargeRepository.ChargeTable, UUID> {
    /**
     * A charge is disputed while an open chargeback (funds withdrawn, no outcome yet) currently takes money back from
     * it: the dispute's rows on the charge net below zero. Inquiries never take anything, so they never flag a charge.
     */
    public static final String DISPUTED = "EXISTS (SELECT 1 FROM payment_applications pa"
            + " JOIN dispute_states d ON d.dispute_id = pa.dispute_id"
            + " WHERE pa.charge_id = c.id AND pa.dispute_id IS NOT NULL"
            + " AND d.status IN ('needs_response', 'under_review')"
            + " GROUP BY pa.dispute_id HAVING SUM(pa.amount_cents) < 0)";

    private static final String SELECT = "SELECT c.id, c.patient_id, p.first_name, p.last_name, c.location_id,"
            + " l.name AS location_name, pr.display_name, c.service_date, c.procedure_code, pc.patient_name,"
            + " c.amount_cents, c.entry_seq,"
            + " COALESCE((SELECT SUM(a.amount_cents) FROM payment_applications a WHERE a.charge_id = c.id), 0) AS paid,"
            + " " + DISPUTED + " AS disputed"
            + " FROM charges c JOIN patients p ON p.id = c.patient_id"
            + " JOIN practice_locations l ON l.id = c.location_id JOIN providers pr ON pr.id = c.provider_id"
            + " JOIN procedures pc ON pc.code = c.procedure_code"
            + " WHERE c.household_id = :householdId ORDER BY c.service_date, c.entry_seq";

    /** Every charge of the household (paid ones too), in allocation order. */
    public List<ChargeView> all(UUID householdId) {
        return chargeRows(householdId).stream().map(ChargeRepository::view).toList();
    }

    /** Household credit in cents: the sum of its append-only credit entries (0 when none). */
    @Query("SELECT COALESCE(SUM(amount_cents), 0) FROM household_credit_entries WHERE household_id = :householdId")
    public abstract long credit(UUID householdId);

    /** The household's charges with a remaining balance, the payable and disputed totals and its credit. */
    public OpenChargesView open(UUID householdId) {
        List<ChargeView> open =
                all(householdId).stream().filter(ch -> ch.balanceCents() > 0).toList();
        long payable = open.stream()
                .filter(ch -> !ch.disputed())
                .mapToLong(ChargeView::balanceCents)
                .sum();
        long disputed = open.stream()
                .filter(ChargeView::disputed)
                .mapToLong(ChargeView::balanceCents)
                .sum();
        return new OpenChargesView(householdId.toString(), payable, credit(householdId), disputed, "USD", open);
    }

    @Query(SELECT)
    protected abstract List<ChargeRow> chargeRows(UUID householdId);

    private static ChargeView view(ChargeRow r) {
        return new ChargeView(
                r.id(),
                r.patientId(),
                r.firstName() + " " + r.lastName(),
                r.locationId(),
                r.locationName(),
                r.displayName(),
                r.serviceDate().toString(),
                r.procedureCode(),
                r.patientName(),
                r.amountCents(),
                r.paid(),
                r.amountCents() - r.paid(),
                r.disputed(),
                ChargeStatus.of(r.amountCents(), r.paid(), r.disputed()));
    }

    /** One row of {@link #SELECT}: a charge with its names, what was applied to it and whether it is disputed. */
    @Introspected
    protected record ChargeRow(
            String id,
            String patientId,
            String firstName,
            String lastName,
            String locationId,
            String locationName,
            String displayName,
            LocalDate serviceDate,
            String procedureCode,
            String patientName,
            long amountCents,
            long entrySeq,
            long paid,
            boolean disputed) {}

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used).
     */
    @MappedEntity("charges")
    static final class ChargeTable {
        @Id
        private final UUID id;

        ChargeTable(UUID id) {
            this.id = id;
        }

        public UUID getId() {
            return id;
        }
    }
}

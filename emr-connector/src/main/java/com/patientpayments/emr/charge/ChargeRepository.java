package com.patientpayments.emr.charge;

import com.patientpayments.emr.Jdbc;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

/**
 * Charges of a household with their balances, computed from the append-only applications: balance = amount − sum of
 * application rows (reversals are negative rows). Ordered by the allocation rule: date of service, then entry_seq.
 */
@Singleton
public class ChargeRepository {
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
            + " WHERE c.household_id = ? ORDER BY c.service_date, c.entry_seq";

    /** Every charge of the household (paid ones too), in allocation order. */
    public List<ChargeView> all(Connection c, UUID householdId) {
        return Jdbc.list(
                c,
                SELECT,
                rs -> {
                    long amount = rs.getLong("amount_cents");
                    long paid = rs.getLong("paid");
                    boolean disputed = rs.getBoolean("disputed");
                    return new ChargeView(
                            rs.getString("id"),
                            rs.getString("patient_id"),
                            rs.getString("first_name") + " " + rs.getString("last_name"),
                            rs.getString("location_id"),
                            rs.getString("location_name"),
                            rs.getString("display_name"),
                            rs.getDate("service_date").toLocalDate().toString(),
                            rs.getString("procedure_code"),
                            rs.getString("patient_name"),
                            amount,
                            paid,
                            amount - paid,
                            disputed,
                            ChargeStatus.of(amount, paid, disputed));
                },
                householdId);
    }

    /** Household credit: the sum of its append-only credit entries. */
    public long credit(Connection c, UUID householdId) {
        return Jdbc.longValue(
                c,
                "SELECT COALESCE(SUM(amount_cents), 0) FROM household_credit_entries WHERE household_id = ?",
                householdId);
    }

    public OpenChargesView open(Connection c, UUID householdId) {
        List<ChargeView> open =
                all(c, householdId).stream().filter(ch -> ch.balanceCents() > 0).toList();
        long payable = open.stream()
                .filter(ch -> !ch.disputed())
                .mapToLong(ChargeView::balanceCents)
                .sum();
        long disputed = open.stream()
                .filter(ChargeView::disputed)
                .mapToLong(ChargeView::balanceCents)
                .sum();
        return new OpenChargesView(householdId.toString(), payable, credit(c, householdId), disputed, "USD", open);
    }
}

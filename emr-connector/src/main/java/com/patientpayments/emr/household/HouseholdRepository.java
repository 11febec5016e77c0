package com.patientpayments.emr.household;

import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.charge.ChargeRepository;
import com.patientpayments.emr.charge.OpenChargesView;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Households, their patients and balances. */
@Singleton
public class HouseholdRepository {
    private final ChargeRepository charges;

    public HouseholdRepository(ChargeRepository charges) {
        this.charges = charges;
    }

    /**
     * The household id for an active hash + account number whose guarantor's last name {@link LastNames#matches}
     * the typed one; empty for any mismatch alike. The stored name is folded at query time (account numbers are
     * unique per practice, so at most one row is compared), so a change of the folding rule needs no data migration.
     */
    public Optional<UUID> lookup(Connection c, String practiceHash, String accountNumber, String typedLastName) {
        return Jdbc.one(
                        c,
                        "SELECT h.id, h.guarantor_last_name FROM households h"
                                + " JOIN practice_hashes ph ON ph.practice_id = h.practice_id"
                                + " WHERE ph.hash = ? AND ph.active AND h.account_number = ?",
                        rs -> new OnFile(rs.getObject(1, UUID.class), rs.getString(2)),
                        practiceHash,
                        accountNumber)
                .filter(h -> LastNames.matches(h.lastName(), typedLastName))
                .map(OnFile::id);
    }

    private record OnFile(UUID id, String lastName) {}

    public Optional<HouseholdView> find(Connection c, UUID id) {
        List<HouseholdView.Patient> patients = Jdbc.list(
                c,
                "SELECT id, first_name, last_name FROM patients WHERE household_id = ? ORDER BY first_name, id",
                rs -> new HouseholdView.Patient(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(2) + " " + rs.getString(3)),
                id);
        return Jdbc.one(
                c,
                "SELECT h.id, h.practice_id, h.account_number, h.guarantor_first_name,"
                        + " h.guarantor_last_name, (SELECT ph.hash FROM practice_hashes ph WHERE ph.practice_id = h.practice_id"
                        + " AND ph.active ORDER BY ph.created_at DESC, ph.hash LIMIT 1) AS hash"
                        + " FROM households h WHERE h.id = ?",
                rs -> {
                    OpenChargesView open = charges.open(c, id);
                    return new HouseholdView(
                            rs.getString("id"),
                            rs.getString("practice_id"),
                            rs.getString("hash"),
                            rs.getString("account_number"),
                            rs.getString("guarantor_first_name") + " " + rs.getString("guarantor_last_name"),
                            open.balanceCents(),
                            open.creditCents(),
                            open.disputedCents(),
                            "USD",
                            patients);
                },
                id);
    }

    public boolean exists(Connection c, UUID id) {
        return Jdbc.one(c, "SELECT 1 FROM households WHERE id = ?", rs -> 1, id).isPresent();
    }
}

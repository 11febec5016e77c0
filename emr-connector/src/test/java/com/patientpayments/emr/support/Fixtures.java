package com.patientpayments.emr.support;

import com.patientpayments.emr.household.LastNames;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Inserts test households with charges straight into the EMR tables (the EMR owns charge entry, not the API). */
public final class Fixtures {
    private Fixtures() {}

    /** A created household and its charge ids in insertion (entry) order. */
    public record Household(UUID id, UUID practiceId, String accountNumber, List<UUID> chargeIds) {}

    /** A charge to create: date of service and amount. */
    public record ChargeSpec(LocalDate serviceDate, long amountCents) {}

    public static Household household(Connection c, String lastName, List<ChargeSpec> charges) throws SQLException {
        UUID practice = UUID.randomUUID();
        UUID location = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        UUID household = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        String account = "T" + Long.toString(Math.abs(household.getMostSignificantBits()), 36);
        exec(
                c,
                "INSERT INTO practices (id, tenant_id, company_id, name, time_zone) VALUES (?, ?, ?, 'Test', 'UTC')",
                practice,
                UUID.randomUUID(),
                UUID.randomUUID());
        exec(c, "INSERT INTO practice_locations (id, practice_id, name) VALUES (?, ?, 'Main')", location, practice);
        exec(c, "INSERT INTO providers (id, practice_id, display_name) VALUES (?, ?, 'Dr. Test')", provider, practice);
        exec(
                c,
                "INSERT INTO households (id, practice_id, account_number, guarantor_first_name, guarantor_last_name,"
                        + " guarantor_last_name_normalized) VALUES (?, ?, ?, 'Pat', ?, ?)",
                household,
                practice,
                account,
                lastName,
                LastNames.normalize(lastName));
        exec(
                c,
                "INSERT INTO patients (id, household_id, first_name, last_name) VALUES (?, ?, 'Pat', ?)",
                patient,
                household,
                lastName);
        List<UUID> ids = new ArrayList<>();
        for (ChargeSpec spec : charges) {
            UUID id = UUID.randomUUID();
            exec(
                    c,
                    "INSERT INTO charges (id, household_id, patient_id, location_id, provider_id, service_date,"
                            + " procedure_code, amount_cents) VALUES (?, ?, ?, ?, ?, ?, 'D0120', ?)",
                    id,
                    household,
                    patient,
                    location,
                    provider,
                    Date.valueOf(spec.serviceDate()),
                    spec.amountCents());
            ids.add(id);
        }
        return new Household(household, practice, account, ids);
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

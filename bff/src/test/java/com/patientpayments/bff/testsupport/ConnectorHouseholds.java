package com.patientpayments.bff.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh practice (with its own landing hash) and household with known charges, written straight into the shared
 * connector's database (the EMR owns charge entry; its API does not create charges). Each test that needs exact
 * balances signs in to its own household, so test classes sharing the connector never see each other's payments.
 */
public final class ConnectorHouseholds {

    private static final String HASH_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConnectorHouseholds() {}

    /** What was created: sign in with {@code practiceHash}, {@code accountNumber}, {@code lastName}. */
    public record Household(
            String practiceHash, String accountNumber, String lastName, UUID id, List<UUID> chargeIds) {}

    /** A charge to create: date of service and amount in cents (entered in this order). */
    public record Charge(LocalDate serviceDate, long amountCents) {}

    public static Household create(Charge... charges) {
        String hash = randomHash();
        UUID practice = UUID.randomUUID();
        UUID location = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        UUID household = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        String account = "9" + (100000 + RANDOM.nextInt(899999));
        String lastName = "Testfamily";
        try (Connection c =
                DriverManager.getConnection(EmrConnectorProcess.shared().jdbcUrl())) {
            exec(
                    c,
                    "INSERT INTO practices (id, tenant_id, company_id, name, time_zone) VALUES (?, ?, ?,"
                            + " 'Fixture Dental', 'America/Chicago')",
                    practice,
                    UUID.randomUUID(),
                    UUID.randomUUID());
            exec(c, "INSERT INTO practice_hashes (hash, practice_id, active) VALUES (?, ?, TRUE)", hash, practice);
            exec(c, "INSERT INTO practice_locations (id, practice_id, name) VALUES (?, ?, 'Main')", location, practice);
            exec(
                    c,
                    "INSERT INTO providers (id, practice_id, display_name) VALUES (?, ?, 'Dr. Fixture')",
                    provider,
                    practice);
            exec(
                    c,
                    "INSERT INTO households (id, practice_id, account_number, guarantor_first_name,"
                            + " guarantor_last_name, guarantor_last_name_normalized) VALUES (?, ?, ?, 'Pat', ?, ?)",
                    household,
                    practice,
                    account,
                    lastName,
                    lastName.toLowerCase());
            exec(
                    c,
                    "INSERT INTO patients (id, household_id, first_name, last_name) VALUES (?, ?, 'Pat', ?)",
                    patient,
                    household,
                    lastName);
            List<UUID> ids = new ArrayList<>();
            for (Charge ch : charges) {
                UUID id = UUID.randomUUID();
                exec(
                        c,
                        "INSERT INTO charges (id, household_id, patient_id, location_id, provider_id, service_date,"
                                + " procedure_code, amount_cents) VALUES (?, ?, ?, ?, ?, ?, 'D1110', ?)",
                        id,
                        household,
                        patient,
                        location,
                        provider,
                        Date.valueOf(ch.serviceDate()),
                        ch.amountCents());
                ids.add(id);
            }
            return new Household(hash, account, lastName, household, List.copyOf(ids));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a fixture household: " + e.getMessage(), e);
        }
    }

    /** Enters one more charge for the household (as the practice would after a visit); answers its id. */
    public static UUID addCharge(Household h, Charge charge) {
        UUID id = UUID.randomUUID();
        try (Connection c =
                DriverManager.getConnection(EmrConnectorProcess.shared().jdbcUrl())) {
            exec(
                    c,
                    "INSERT INTO charges (id, household_id, patient_id, location_id, provider_id, service_date,"
                            + " procedure_code, amount_cents) SELECT ?, household_id, patient_id, location_id, provider_id, ?,"
                            + " 'D0120', ? FROM charges WHERE id = ?",
                    id,
                    Date.valueOf(charge.serviceDate()),
                    charge.amountCents(),
                    h.chargeIds().get(0));
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One number from SQL on the connector's database (balances, counts). */
    public static long value(String sql, Object... params) {
        try (Connection c =
                        DriverManager.getConnection(EmrConnectorProcess.shared().jdbcUrl());
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many ledger transactions the connector holds for a provider reference (an intent id). */
    public static int transactionCount(String providerReference) {
        return (int) value("SELECT count(*) FROM transactions WHERE provider_reference = ?", providerReference);
    }

    /** A charge's balance: amount − applications (reversals are negative applications). */
    public static long balance(UUID chargeId) {
        return value(
                "SELECT c.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM payment_applications a"
                        + " WHERE a.charge_id = c.id), 0) FROM charges c WHERE c.id = ?",
                chargeId);
    }

    /** The household's credit: the sum of its credit entries. */
    public static long credit(UUID householdId) {
        return value(
                "SELECT COALESCE(SUM(amount_cents), 0) FROM household_credit_entries WHERE household_id = ?",
                householdId);
    }

    private static String randomHash() {
        StringBuilder s = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            s.append(HASH_ALPHABET.charAt(RANDOM.nextInt(HASH_ALPHABET.length())));
        }
        return s.toString();
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

package com.patientpayments.emr.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.patientpayments.emr.support.Fixtures;
import com.patientpayments.emr.support.TestAppPerClass;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ledger's {@code kind} and the audit log's {@code action} are closed vocabularies: the database's CHECK
 * constraints list exactly the names of {@link LedgerKind} and {@link AuditAction}, a known name is stored and an
 * unknown one is refused by the database itself (SQLSTATE 23514, check_violation), whoever writes it.
 */
class LedgerVocabularyTest extends TestAppPerClass {
    private static final String CHECK_VIOLATION = "23514";
    private static final Pattern QUOTED = Pattern.compile("'([A-Z_]+)'");

    private static UUID householdId;
    private static UUID transactionId;
    private static UUID chargeId;

    @BeforeAll
    static void posted() throws SQLException {
        Fixtures.Household h;
        try (Connection c = app.connect()) {
            h = Fixtures.household(c, "Vocabulary", List.of(new Fixtures.ChargeSpec(LocalDate.of(2026, 5, 1), 1000)));
        }
        app.pay(h.id(), 1500, "pi_vocabulary");
        householdId = h.id();
        chargeId = h.chargeIds().get(0);
        try (Connection c = app.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT id FROM transactions WHERE provider_reference = 'pi_vocabulary'")) {
            rs.next();
            transactionId = rs.getObject(1, UUID.class);
        }
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
        "payment_applications, payment_applications_kind_check",
        "household_credit_entries, household_credit_entries_kind_check",
        "audit_log, audit_log_action_check"
    })
    void theConstraintListsExactlyTheEnumsNames(String table, String constraint) throws SQLException {
        Set<String> listed = new LinkedHashSet<>();
        try (Connection c = app.connect();
                PreparedStatement s = c.prepareStatement("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                        + " WHERE conname = ? AND conrelid = ?::regclass")) {
            s.setString(1, constraint);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(constraint).isTrue();
                Matcher m = QUOTED.matcher(rs.getString(1));
                while (m.find()) {
                    listed.add(m.group(1));
                }
            }
        }
        Class<? extends Enum<?>> vocabulary = table.equals("audit_log") ? AuditAction.class : LedgerKind.class;
        assertThat(listed)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(vocabulary.getEnumConstants())
                        .map(Enum::name)
                        .collect(Collectors.toList()));
    }

    @ParameterizedTest(name = "{0} kind {1}")
    @CsvSource({
        "payment_applications, PAYMENT, true",
        "payment_applications, DISPUTE_REAPPLY, true",
        "payment_applications, GIFT, false",
        "payment_applications, payment, false",
        "household_credit_entries, PAYMENT_CREDIT, true",
        "household_credit_entries, REFUND_REVERSAL, true",
        "household_credit_entries, BONUS, false",
        "audit_log, TRANSACTION_POSTED, true",
        "audit_log, DISPUTE_REAPPLY_CREDIT, true",
        "audit_log, DEMO_HISTORY_POSTED, true",
        "audit_log, TEA_BREAK, false",
        "audit_log, '', false"
    })
    void theDatabaseStoresAKnownNameAndRefusesAnUnknownOne(String table, String value, boolean known)
            throws SQLException {
        try (Connection c = app.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(insert(table))) {
                bind(s, table, value);
                if (known) {
                    assertThatCode(s::executeUpdate).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(s::executeUpdate)
                            .isInstanceOfSatisfying(
                                    SQLException.class,
                                    e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION));
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static String insert(String table) {
        return switch (table) {
            case "payment_applications" ->
                "INSERT INTO payment_applications (transaction_id, charge_id,"
                        + " amount_cents, kind, balance_after_cents) VALUES (?, ?, 1, ?, 0)";
            case "household_credit_entries" ->
                "INSERT INTO household_credit_entries (household_id, transaction_id,"
                        + " amount_cents, kind) VALUES (?, ?, 1, ?)";
            default -> "INSERT INTO audit_log (household_id, transaction_id, action) VALUES (?, ?, ?)";
        };
    }

    private static void bind(PreparedStatement s, String table, String value) throws SQLException {
        if (table.equals("payment_applications")) {
            s.setObject(1, transactionId);
            s.setObject(2, chargeId);
        } else {
            s.setObject(1, householdId);
            s.setObject(2, transactionId);
        }
        s.setString(3, value);
    }
}

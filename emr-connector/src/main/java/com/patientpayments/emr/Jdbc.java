package com.patientpayments.emr;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Small helpers over plain JDBC, for the hand-written SQL that a Micronaut Data {@code @Query} method does not fit:
 * statements that take row locks ({@code FOR UPDATE}), {@code ON CONFLICT} upserts, multi-statement writes (ledger
 * postings, the audit log, JDBC batches) and the demo seeding. They run on the connection of the surrounding Micronaut
 * Data transaction.
 *
 * <p>Plain reads belong in a {@code @JdbcRepository} with {@code @Query}: the patient read path
 * ({@code practice.PracticeRepository}, {@code household.HouseholdRepository}, {@code charge.ChargeRepository}), the
 * console's ROI ({@code console.RoiRepository}), payment detail ({@code console.ConsolePaymentRepository}), staff
 * ({@code console.StaffRepository}), refund requests ({@code console.RefundRequestRepository}) and receipt branding
 * ({@code console.ReceiptBrandingRepository}), the logos ({@code practice.PracticeLogoRepository}), the ledger's
 * attempts, transactions and their facts ({@code ledger.AttemptRepository}, {@code TransactionRepository},
 * {@code TransactionFacts}), the ledger rows' reads under the household lock ({@code ledger.LedgerRepository}:
 * balances, slots, holdings, credit in lieu), the refund and dispute claims and their views
 * ({@code ledger.ClaimRepository}; each of these also keeps its own locked reads and writes here), the receipt
 * ({@code ledger.ReceiptRepository}), the reconciliation runs ({@code ledger.ReconciliationRunRepository}) and the
 * controllers' small look-ups. Repository calls made inside {@code tx.executeRead/executeWrite} run on the same
 * connection, so they see the transaction's own writes and run after its locks. What still reads through these
 * helpers:
 * <ul>
 *   <li>row locks ({@code FOR UPDATE}: the household lock of every ledger change, attempts, transactions before a
 *   refund, reports parked until their payment is posted, the branding draft before it is published) and
 *   {@code ON CONFLICT} upserts (provider events, dispute milestones, parked reports), by design;</li>
 *   <li>the allocatable charges ({@code ledger.LedgerRepository#allocatable}), read on every posting: mapped by
 *   position, because Micronaut Data's by-name row mapping was most of that read's cost;</li>
 *   <li>{@code console.ConsolePayments}: the payment list, whose {@code WHERE} is built from the optional filters
 *   (see there why a repository does not fit), and the one-payment row that shares its column list and mapping;</li>
 *   <li>the demo seeding ({@code demo.*}).</li>
 * </ul>
 * The funnel's {@code ON CONFLICT} count and the reconciliation run insert ({@code api.OperationsController}), the
 * ledger's appends and claim inserts/updates ({@code ledger.LedgerRepository}, {@code ClaimRepository}) and the audit
 * appends ({@code ledger.AuditLog}, {@code console.StaffAudit}) are writes and stay here.
 */
public final class Jdbc {
    private Jdbc() {}

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, @Nullable Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new DataAccessFailure(e);
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, @Nullable Object... params) {
        List<T> rows = list(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public static long longValue(Connection c, String sql, @Nullable Object... params) {
        return one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public static int update(Connection c, String sql, @Nullable Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessFailure(e);
        }
    }

    /** Runs one statement for each parameter row as a JDBC batch (one round trip). */
    public static void batch(Connection c, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessFailure(e);
        }
    }

    /** A NOT NULL timestamp column; a null there is a schema fault, not an absent value. */
    public static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        Instant value = instant(rs, column);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value;
    }

    /** A nullable timestamp column. */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant) {
                ps.setTimestamp(i + 1, Timestamp.from((Instant) p));
            } else if (p instanceof LocalDate) {
                ps.setDate(i + 1, Date.valueOf((LocalDate) p));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** A failed statement; {@link #isUniqueViolation()} lets callers turn a lost insert race into a clean answer. */
    public static final class DataAccessFailure extends RuntimeException {
        private final String sqlState;

        DataAccessFailure(SQLException cause) {
            super("database statement failed (SQLSTATE " + cause.getSQLState() + ")", cause);
            this.sqlState = cause.getSQLState();
        }

        public boolean isUniqueViolation() {
            return "23505".equals(sqlState);
        }
    }
}

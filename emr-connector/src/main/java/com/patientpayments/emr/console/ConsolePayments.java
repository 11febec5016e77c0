package com.patientpayments.emr.console;

import com.patientpayments.contract.ConsolePayment;
import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.Jdbc;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The console's online payments of one practice: a filtered page (newest first, keyset cursor over
 * {@code (paid_at, id)}) and one payment's detail (allocations per charge, refunds/disputes timeline, audit rows).
 *
 * <p>The page stays hand-built SQL over {@link Jdbc}: {@link PaymentFilter} has nine optional conditions (one of them
 * an {@code IN} list of statuses) plus an optional keyset, and a {@code @Query} method cannot drop a condition, so a
 * repository would need either a method per combination or {@code (:x IS NULL OR …)} conditions, which hide the
 * filters from PostgreSQL's plan (a generic plan of a prepared statement cannot use the {@code (practice_id, source,
 * paid_at, id)} index per filter). The detail's own row shares that statement's column list and mapping; the detail
 * rows are read through {@link ConsolePaymentRepository}.
 */
@Singleton
public class ConsolePayments {
    private final ConsolePaymentRepository details;

    public ConsolePayments(ConsolePaymentRepository details) {
        this.details = details;
    }

    /** The largest page (the CSV export reads in pages of this size). */
    public static final int MAX_PAGE = 1000;

    private static final String ROW = "SELECT t.id, t.provider_reference, t.source, t.status, t.amount_cents,"
            + " t.paid_at, t.method_brand, t.method_last4, h.account_number,"
            + " h.guarantor_first_name || ' ' || h.guarantor_last_name AS guarantor,"
            + " COALESCE((SELECT SUM(r.amount_cents) FROM refunds r WHERE r.transaction_id = t.id"
            + "   AND r.status = 'succeeded'), 0) AS refunded,"
            + " COALESCE((SELECT SUM(r.amount_cents) FROM refunds r WHERE r.transaction_id = t.id"
            + "   AND r.status NOT IN ('failed', 'canceled')), 0)"
            + " + COALESCE((SELECT SUM(q.amount_cents) FROM refund_requests q WHERE q.transaction_id = t.id"
            + "   AND q.status <> 'REFUSED' AND NOT EXISTS (SELECT 1 FROM refunds r2"
            + "   WHERE r2.refund_id = q.provider_refund_id)), 0) AS held"
            + " FROM transactions t JOIN households h ON h.id = t.household_id"
            + " WHERE t.practice_id = ? AND t.source = 'ONLINE_PATIENT_PAYMENT'";

    /** A page of at most {@code first} rows after {@code after} (a cursor of a previous page, or null). */
    public ConsolePayment.Page page(
            Connection c, UUID practiceId, PaymentFilter filter, int first, @Nullable String after) {
        if (first < 1 || first > MAX_PAGE) {
            throw EmrException.invalid("first must be 1 to " + MAX_PAGE + ".");
        }
        List<Object> params = new ArrayList<>();
        params.add(practiceId);
        String where = filter.where(params);
        long total = Jdbc.longValue(
                c,
                "SELECT COUNT(*) FROM transactions t JOIN households h"
                        + " ON h.id = t.household_id WHERE t.practice_id = ? AND t.source = 'ONLINE_PATIENT_PAYMENT'"
                        + where,
                params.toArray());
        String keyset = "";
        if (after != null) {
            Cursor cursor = Cursor.decode(after);
            keyset = " AND (t.paid_at, t.id) < (?, ?)";
            params.add(cursor.paidAt());
            params.add(cursor.id());
        }
        params.add(first + 1);
        List<ConsolePayment> rows = Jdbc.list(
                c,
                ROW + where + keyset + " ORDER BY t.paid_at DESC, t.id DESC LIMIT ?",
                ConsolePayments::map,
                params.toArray());
        boolean more = rows.size() > first;
        if (more) {
            rows = rows.subList(0, first);
        }
        String end = rows.isEmpty() ? null : Cursor.of(rows.get(rows.size() - 1));
        return new ConsolePayment.Page(List.copyOf(rows), total, more, end);
    }

    /**
     * One online payment of the practice with its detail; empty for an unknown one or another practice's. The payment
     * row is read with the list's own statement ({@link #ROW}, one column list and mapping for both); the detail rows
     * through {@link ConsolePaymentRepository}.
     */
    public Optional<ConsolePayment> detail(Connection c, UUID practiceId, UUID transactionId) {
        return Jdbc.one(c, ROW + " AND t.id = ?", ConsolePayments::map, practiceId, transactionId)
                .map(p -> p.withDetail(allocations(transactionId), timeline(transactionId), audit(transactionId)));
    }

    private List<ConsolePayment.Allocation> allocations(UUID tx) {
        return details.allocations(tx).stream()
                .map(r -> new ConsolePayment.Allocation(
                        r.chargeId(),
                        r.patientName(),
                        r.serviceDate().toString(),
                        r.procedureCode(),
                        r.procedureName(),
                        r.locationName(),
                        r.amountCents(),
                        r.balanceAfterCents()))
                .toList();
    }

    private List<ConsolePayment.Adjustment> timeline(UUID tx) {
        List<ConsolePayment.Adjustment> out = new ArrayList<>();
        details.refunds(tx)
                .forEach(r -> out.add(adjustment(r, "REFUND", r.status().toUpperCase(Locale.ROOT))));
        // Console requests the provider's event has not posted yet: pending (or failed when the provider refused).
        details.pendingRequests(tx)
                .forEach(r -> out.add(adjustment(r, "REFUND", "REFUSED".equals(r.status()) ? "FAILED" : "PENDING")));
        details.disputes(tx).forEach(r -> {
            String s = r.status();
            boolean inquiry = s.startsWith("warning_");
            out.add(adjustment(
                    r,
                    inquiry ? "INQUIRY" : "DISPUTE",
                    (inquiry ? s.substring("warning_".length()) : s).toUpperCase(Locale.ROOT)));
        });
        out.sort(Comparator.comparing(ConsolePayment.Adjustment::at));
        return out;
    }

    /** A refund, dispute or inquiry row as the view's adjustment ({@code reference} null: a refused request). */
    private static ConsolePayment.Adjustment adjustment(
            ConsolePaymentRepository.AdjustmentRow r, String kind, String status) {
        return new ConsolePayment.Adjustment(
                kind, status, r.amountCents(), r.updatedAt().toString(), r.reference());
    }

    private List<ConsolePayment.AuditRow> audit(UUID tx) {
        return details.audit(tx).stream()
                .map(r -> new ConsolePayment.AuditRow(r.at().toString(), r.action(), r.actor(), r.amount()))
                .toList();
    }

    private static ConsolePayment map(ResultSet rs) throws SQLException {
        long amount = rs.getLong("amount_cents");
        return new ConsolePayment(
                rs.getString("id"),
                rs.getString("provider_reference"),
                rs.getString("source"),
                rs.getString("status"),
                amount,
                rs.getLong("refunded"),
                Math.max(0, amount - rs.getLong("held")),
                Jdbc.requiredInstant(rs, "paid_at").toString(),
                rs.getString("method_brand"),
                rs.getString("method_last4"),
                rs.getString("account_number"),
                rs.getString("guarantor"),
                null,
                null,
                null);
    }

    /** The opaque cursor: base64url of {@code paidAt|id}. */
    record Cursor(Instant paidAt, UUID id) {
        static String of(ConsolePayment row) {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((row.paidAt() + "|" + row.transactionId()).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw EmrException.invalid("after is not a cursor of this list.");
            }
        }
    }
}

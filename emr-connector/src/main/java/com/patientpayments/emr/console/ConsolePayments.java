package com.patientpayments.emr.console;

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
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The console's online payments of one practice: a filtered page (newest first, keyset cursor over
 * {@code (paid_at, id)}) and one payment's detail (allocations per charge, refunds/disputes timeline, audit rows).
 */
@Singleton
public class ConsolePayments {
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
    public ConsolePaymentView.Page page(
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
        List<ConsolePaymentView> rows = Jdbc.list(
                c,
                ROW + where + keyset + " ORDER BY t.paid_at DESC, t.id DESC LIMIT ?",
                ConsolePayments::map,
                params.toArray());
        boolean more = rows.size() > first;
        if (more) {
            rows = rows.subList(0, first);
        }
        String end = rows.isEmpty() ? null : Cursor.of(rows.get(rows.size() - 1));
        return new ConsolePaymentView.Page(List.copyOf(rows), total, more, end);
    }

    /** One online payment of the practice with its detail; empty for an unknown one or another practice's. */
    public Optional<ConsolePaymentView> detail(Connection c, UUID practiceId, UUID transactionId) {
        return Jdbc.one(c, ROW + " AND t.id = ?", ConsolePayments::map, practiceId, transactionId)
                .map(p -> p.withDetail(
                        allocations(c, transactionId), timeline(c, transactionId), audit(c, transactionId)));
    }

    private static List<ConsolePaymentView.Allocation> allocations(Connection c, UUID tx) {
        return Jdbc.list(
                c,
                "SELECT a.charge_id, pt.first_name || ' ' || pt.last_name, ch.service_date,"
                        + " ch.procedure_code, pr.patient_name, loc.name, a.amount_cents, a.balance_after_cents"
                        + " FROM payment_applications a JOIN charges ch ON ch.id = a.charge_id"
                        + " JOIN patients pt ON pt.id = ch.patient_id JOIN procedures pr ON pr.code = ch.procedure_code"
                        + " LEFT JOIN practice_locations loc ON loc.id = ch.location_id"
                        + " WHERE a.transaction_id = ? AND a.kind = 'PAYMENT' ORDER BY ch.service_date, ch.entry_seq",
                rs -> new ConsolePaymentView.Allocation(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getLong(8)),
                tx);
    }

    private static List<ConsolePaymentView.Adjustment> timeline(Connection c, UUID tx) {
        List<ConsolePaymentView.Adjustment> out = new ArrayList<>();
        out.addAll(Jdbc.list(
                c,
                "SELECT refund_id, status, amount_cents, updated_at FROM refunds" + " WHERE transaction_id = ?",
                rs -> new ConsolePaymentView.Adjustment(
                        "REFUND",
                        rs.getString(2).toUpperCase(java.util.Locale.ROOT),
                        rs.getLong(3),
                        Jdbc.requiredInstant(rs, "updated_at").toString(),
                        rs.getString(1)),
                tx));
        // Console requests the provider's event has not posted yet: pending (or failed when the provider refused).
        out.addAll(Jdbc.list(
                c,
                "SELECT q.provider_refund_id, q.status, q.amount_cents, q.updated_at"
                        + " FROM refund_requests q WHERE q.transaction_id = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM refunds r WHERE r.refund_id = q.provider_refund_id)",
                rs -> new ConsolePaymentView.Adjustment(
                        "REFUND",
                        "REFUSED".equals(rs.getString(2)) ? "FAILED" : "PENDING",
                        rs.getLong(3),
                        Jdbc.requiredInstant(rs, "updated_at").toString(),
                        rs.getString(1)),
                tx));
        out.addAll(Jdbc.list(
                c,
                "SELECT dispute_id, status, amount_cents, updated_at FROM dispute_states" + " WHERE transaction_id = ?",
                rs -> {
                    String s = rs.getString(2);
                    boolean inquiry = s.startsWith("warning_");
                    return new ConsolePaymentView.Adjustment(
                            inquiry ? "INQUIRY" : "DISPUTE",
                            (inquiry ? s.substring("warning_".length()) : s).toUpperCase(java.util.Locale.ROOT),
                            rs.getLong(3),
                            Jdbc.requiredInstant(rs, "updated_at").toString(),
                            rs.getString(1));
                },
                tx));
        out.sort(Comparator.comparing(ConsolePaymentView.Adjustment::at));
        return out;
    }

    private static List<ConsolePaymentView.AuditRow> audit(Connection c, UUID tx) {
        return Jdbc.list(
                c,
                "SELECT at, action, actor, amount FROM ("
                        + " SELECT occurred_at AS at, action, NULL AS actor, amount_cents AS amount, id AS seq, 0 AS src"
                        + "   FROM audit_log WHERE transaction_id = ? AND charge_id IS NULL"
                        + " UNION ALL SELECT l.occurred_at, l.action, s.display_name, l.amount_cents, l.id, 1"
                        + "   FROM staff_audit_log l JOIN staff_accounts s ON s.id = l.staff_id"
                        + "   WHERE l.transaction_id = ?) x ORDER BY at, src, seq",
                rs -> new ConsolePaymentView.AuditRow(
                        Jdbc.requiredInstant(rs, "at").toString(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4)),
                tx,
                tx);
    }

    private static ConsolePaymentView map(ResultSet rs) throws SQLException {
        long amount = rs.getLong("amount_cents");
        return new ConsolePaymentView(
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
        static String of(ConsolePaymentView row) {
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

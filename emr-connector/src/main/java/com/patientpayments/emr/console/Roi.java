package com.patientpayments.emr.console;

import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.Jdbc;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The console's ROI figures for a practice (or one location) over a range of the practice's days:
 * <ul>
 *   <li>patient collections are payments of every source but insurance, counted on the day they were paid, net of
 *   posted (succeeded) refunds and lost disputes; sources group as {@code ONLINE_PATIENT_PAYMENT}, {@code IN_OFFICE}
 *   (cash, card in office), {@code MAIL_CHECK} (check) and {@code OTHER};</li>
 *   <li>with a location, and in {@code byLocation}/{@code byProcedureCategory}, collections are what the payments
 *   applied to that location's (category's) charges, reversals included (credit left unapplied belongs to no
 *   location);</li>
 *   <li>households paying online: households with any collection in the range that paid online at least once;</li>
 *   <li>median days to pay: over the payments' applications to charges (date of service → day paid), the mean of
 *   the two middle values for an even count ({@code percentile_cont(0.5)});</li>
 *   <li>the funnel: the persisted daily counts, summed (the whole practice; the funnel knows no locations).</li>
 * </ul>
 */
@Singleton
public class Roi {
    static final String ONLINE = "ONLINE_PATIENT_PAYMENT";
    private static final List<String> SOURCES = List.of(ONLINE, "IN_OFFICE", "MAIL_CHECK", "OTHER");
    private static final List<String> STEPS = List.of("LANDING", "SIGNED_IN", "PAYMENT_STARTED", "PAYMENT_COMPLETED");

    /** {@link #group} in SQL, over {@code t.source}. */
    private static final String GROUP_SQL = "CASE WHEN t.source = '" + ONLINE + "' THEN '" + ONLINE + "'"
            + " WHEN t.source IN ('CASH', 'CARD_IN_OFFICE') THEN 'IN_OFFICE'"
            + " WHEN t.source = 'CHECK' THEN 'MAIL_CHECK' ELSE 'OTHER' END";

    /** The source group of a ledger payment source. */
    static String group(String source) {
        return switch (source) {
            case ONLINE -> ONLINE;
            case "CASH", "CARD_IN_OFFICE" -> "IN_OFFICE";
            case "CHECK" -> "MAIL_CHECK";
            default -> "OTHER";
        };
    }

    /** The CDT category of a procedure code (its first two characters). */
    static String category(String code) {
        if (code == null || code.length() < 2) {
            return "Other";
        }
        return switch (code.substring(0, 2)) {
            case "D0" -> "Diagnostic";
            case "D1" -> "Preventive";
            case "D2" -> "Restorative";
            case "D3" -> "Endodontics";
            case "D4" -> "Periodontics";
            case "D5" -> "Prosthodontics, removable";
            case "D6" -> "Implants and fixed prosthodontics";
            case "D7" -> "Oral surgery";
            case "D8" -> "Orthodontics";
            case "D9" -> "Adjunctive services";
            default -> "Other";
        };
    }

    /** The report; {@code BAD_USER_INPUT} (validation) for a range backwards or longer than 366 days. */
    public RoiReport report(
            Connection c, UUID practiceId, ZoneId zone, LocalDate from, LocalDate to, @Nullable UUID locationId) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 366) {
            throw EmrException.invalid("to must be on or after from, at most 366 days later.");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        // The aggregates run in PostgreSQL (GROUP BY, percentile_cont); Java only folds the few grouped rows. Each
        // statement starts from the same CTEs: the range's patient payments with their source group, net amount
        // and practice day, and what each counts for (its net, or what it applied to the location's charges: a
        // payment that applied nothing there is left out).
        Object[] params = locationId == null
                ? new Object[] {zone.getId(), practiceId, start, end}
                : new Object[] {zone.getId(), practiceId, start, end, locationId};
        String ctes = "WITH tx AS (SELECT t.id, t.household_id, " + GROUP_SQL + " AS src,"
                + " GREATEST(0, t.amount_cents"
                + " - COALESCE((SELECT SUM(r.amount_cents) FROM refunds r WHERE r.transaction_id = t.id"
                + "   AND r.status = 'succeeded'), 0)"
                + " - COALESCE((SELECT SUM(d.amount_cents) FROM dispute_states d WHERE d.transaction_id = t.id"
                + "   AND d.status = 'lost'), 0)) AS net,"
                + " (t.paid_at AT TIME ZONE ?)::date AS day"
                + " FROM transactions t WHERE t.practice_id = ? AND t.paid_at >= ? AND t.paid_at < ?"
                + " AND t.source <> 'INSURANCE'),"
                + " apps AS (SELECT tx.src, tx.day, ch.location_id, ch.procedure_code, ch.service_date, a.kind,"
                + " a.amount_cents, a.transaction_id FROM payment_applications a JOIN tx ON tx.id = a.transaction_id"
                + " JOIN charges ch ON ch.id = a.charge_id"
                + (locationId == null ? "" : " WHERE ch.location_id = ?")
                + "),"
                + (locationId == null
                        ? " counted AS (SELECT id, household_id, src, day, net AS cents FROM tx)"
                        : " counted AS (SELECT tx.id, tx.household_id, tx.src, tx.day, l.cents FROM tx JOIN"
                                + " (SELECT transaction_id, SUM(amount_cents) AS cents FROM apps"
                                + " GROUP BY transaction_id) l ON l.transaction_id = tx.id)");

        Map<String, long[]> bySource = new LinkedHashMap<>();
        SOURCES.forEach(src -> bySource.put(src, new long[2]));
        Map<String, long[]> byDay = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d.toString(), new long[2]);
        }
        long[] totals = new long[2]; // online, all
        Jdbc.list(
                c,
                ctes + " SELECT src, day, SUM(cents), COUNT(*) FROM counted GROUP BY src, day",
                rs -> {
                    String src = rs.getString(1);
                    long cents = rs.getLong(3);
                    boolean isOnline = ONLINE.equals(src);
                    long[] sum = bySource.computeIfAbsent(src, k -> new long[2]);
                    sum[0] += cents;
                    sum[1] += rs.getLong(4);
                    long[] day = byDay.get(rs.getDate(2).toLocalDate().toString());
                    if (day != null) {
                        day[1] += cents;
                        day[0] += isOnline ? cents : 0;
                    }
                    totals[1] += cents;
                    totals[0] += isOnline ? cents : 0;
                    return src;
                },
                params);
        long[] households = Jdbc.one(
                        c,
                        ctes + " SELECT COUNT(DISTINCT household_id),"
                                + " COUNT(DISTINCT household_id) FILTER (WHERE src = '" + ONLINE + "') FROM counted",
                        rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                        params)
                .orElse(new long[2]);
        Map<String, long[]> byLocation = new LinkedHashMap<>();
        Map<String, long[]> byCategory = new LinkedHashMap<>();
        Jdbc.list(
                c,
                ctes + " SELECT location_id, substr(procedure_code, 1, 2) AS prefix, SUM(amount_cents),"
                        + " COALESCE(SUM(amount_cents) FILTER (WHERE src = '" + ONLINE + "'), 0)"
                        + " FROM apps GROUP BY location_id, prefix",
                rs -> {
                    long all = rs.getLong(3);
                    long onl = rs.getLong(4);
                    long[] l = byLocation.computeIfAbsent(rs.getString(1), k -> new long[2]);
                    l[0] += onl;
                    l[1] += all;
                    long[] k = byCategory.computeIfAbsent(category(rs.getString(2)), x -> new long[2]);
                    k[0] += onl;
                    k[1] += all;
                    return all;
                },
                params);
        Map<Boolean, Double> medians = new HashMap<>();
        Jdbc.list(
                c,
                ctes + " SELECT src = '" + ONLINE + "', percentile_cont(0.5) WITHIN GROUP (ORDER BY day - service_date)"
                        + " FROM apps WHERE kind = 'PAYMENT' GROUP BY 1",
                rs -> {
                    medians.put(rs.getBoolean(1), rs.getDouble(2));
                    return Boolean.TRUE;
                },
                params);
        long onlineCents = totals[0];
        long allCents = totals[1];
        Map<String, String> names = new HashMap<>();
        Jdbc.list(
                c,
                "SELECT id, name FROM practice_locations WHERE practice_id = ?",
                rs -> names.put(rs.getString(1), rs.getString(2)),
                practiceId);
        Map<String, Long> funnel = new HashMap<>();
        Jdbc.list(
                c,
                "SELECT step, SUM(count) FROM funnel_daily WHERE practice_id = ? AND day >= ? AND day <= ?"
                        + " GROUP BY step",
                rs -> funnel.put(rs.getString(1), rs.getLong(2)),
                practiceId,
                from,
                to);

        return new RoiReport(
                from.toString(),
                to.toString(),
                onlineCents,
                allCents,
                bySource.entrySet().stream()
                        .map(e -> new RoiReport.SourceRow(e.getKey(), e.getValue()[0], (int) e.getValue()[1]))
                        .toList(),
                households[0] == 0 ? 0.0 : (double) households[1] / households[0],
                medians.get(true),
                medians.get(false),
                STEPS.stream()
                        .map(s -> new RoiReport.FunnelRow(s, funnel.getOrDefault(s, 0L)))
                        .toList(),
                byLocation.entrySet().stream()
                        .map(e -> new RoiReport.LocationRow(
                                e.getKey(), names.getOrDefault(e.getKey(), "—"), e.getValue()[0], e.getValue()[1]))
                        .sorted(java.util.Comparator.comparing(RoiReport.LocationRow::locationName))
                        .toList(),
                byCategory.entrySet().stream()
                        .map(e -> new RoiReport.CategoryRow(e.getKey(), e.getValue()[0], e.getValue()[1]))
                        .sorted(java.util.Comparator.comparing(RoiReport.CategoryRow::category))
                        .toList(),
                byDay.entrySet().stream()
                        .map(e -> new RoiReport.DayRow(e.getKey(), e.getValue()[0], e.getValue()[1]))
                        .toList());
    }
}

package com.patientpayments.emr.console;

import com.patientpayments.contract.RoiReport;
import com.patientpayments.emr.EmrException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 *   <li>median days to pay: over the payments' applications to charges (date of service → day paid);</li>
 *   <li>the funnel: the persisted daily counts, summed (the whole practice; the funnel knows no locations).</li>
 * </ul>
 */
@Singleton
public class Roi {
    static final String ONLINE = "ONLINE_PATIENT_PAYMENT";
    private static final List<String> SOURCES = List.of(ONLINE, "IN_OFFICE", "MAIL_CHECK", "OTHER");
    private static final List<String> STEPS = List.of("LANDING", "SIGNED_IN", "PAYMENT_STARTED", "PAYMENT_COMPLETED");

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

    private final RoiRepository rows;

    public Roi(RoiRepository rows) {
        this.rows = rows;
    }

    /**
     * The report; call it inside a transaction (its reads then share one connection). {@code BAD_USER_INPUT} (validation)
     * for a range backwards or longer than 366 days.
     */
    public RoiReport report(UUID practiceId, ZoneId zone, LocalDate from, LocalDate to, @Nullable UUID locationId) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 366) {
            throw EmrException.invalid("to must be on or after from, at most 366 days later.");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Tx> txs = new LinkedHashMap<>();
        for (RoiRepository.PaymentRow r : rows.payments(practiceId, start, end)) {
            txs.put(
                    r.id(),
                    new Tx(
                            r.id(),
                            r.householdId(),
                            group(r.source()),
                            Math.max(0, r.amountCents() - r.takenBack()),
                            r.paidAt().atZone(zone).toLocalDate()));
        }
        List<App> apps = rows.applications(practiceId, start, end).stream()
                .map(r -> new App(
                        r.transactionId(),
                        r.locationId(),
                        r.procedureCode(),
                        r.serviceDate(),
                        r.kind(),
                        r.amountCents()))
                .toList();
        String location = locationId == null ? null : locationId.toString();

        // What each transaction counts for: its net amount, or what it applied to the location's charges.
        Map<String, Long> counted = new HashMap<>();
        if (location == null) {
            txs.values().forEach(t -> counted.put(t.id, t.net));
        } else {
            for (App a : apps) {
                if (location.equals(a.locationId)) {
                    counted.merge(a.txId, a.cents, Long::sum);
                }
            }
        }
        Map<String, long[]> bySource = new LinkedHashMap<>();
        SOURCES.forEach(s -> bySource.put(s, new long[2]));
        Map<String, long[]> byDay = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d.toString(), new long[2]);
        }
        Set<String> households = new HashSet<>();
        Set<String> online = new HashSet<>();
        long onlineCents = 0;
        long allCents = 0;
        for (Tx t : txs.values()) {
            Long cents = counted.get(t.id);
            if (cents == null) {
                continue; // nothing applied to this location
            }
            boolean isOnline = ONLINE.equals(t.source);
            // every source group has its row from the start (group() maps any source to one of them)
            long[] s = Objects.requireNonNull(bySource.get(t.source), "source group");
            s[0] += cents;
            s[1]++;
            long[] day = byDay.get(t.day.toString());
            if (day != null) {
                day[1] += cents;
                day[0] += isOnline ? cents : 0;
            }
            allCents += cents;
            onlineCents += isOnline ? cents : 0;
            households.add(t.householdId);
            if (isOnline) {
                online.add(t.householdId);
            }
        }
        List<Long> daysOnline = new ArrayList<>();
        List<Long> daysOther = new ArrayList<>();
        Map<String, long[]> byLocation = new LinkedHashMap<>();
        Map<String, long[]> byCategory = new LinkedHashMap<>();
        for (App a : apps) {
            Tx t = txs.get(a.txId);
            if (t == null || (location != null && !location.equals(a.locationId))) {
                continue;
            }
            boolean isOnline = ONLINE.equals(t.source);
            long[] l = byLocation.computeIfAbsent(a.locationId, k -> new long[2]);
            l[1] += a.cents;
            l[0] += isOnline ? a.cents : 0;
            long[] k = byCategory.computeIfAbsent(category(a.procedureCode), x -> new long[2]);
            k[1] += a.cents;
            k[0] += isOnline ? a.cents : 0;
            if ("PAYMENT".equals(a.kind)) {
                (isOnline ? daysOnline : daysOther).add(ChronoUnit.DAYS.between(a.serviceDate, t.day));
            }
        }
        Map<String, String> names = new HashMap<>();
        rows.locations(practiceId).forEach(l -> names.put(l.id(), l.name()));
        Map<String, Long> funnel = new HashMap<>();
        rows.funnel(practiceId, from, to).forEach(f -> funnel.put(f.step(), f.total()));

        return new RoiReport(
                from.toString(),
                to.toString(),
                onlineCents,
                allCents,
                bySource.entrySet().stream()
                        .map(e -> new RoiReport.SourceRow(e.getKey(), e.getValue()[0], (int) e.getValue()[1]))
                        .toList(),
                households.isEmpty() ? 0.0 : (double) online.size() / households.size(),
                median(daysOnline),
                median(daysOther),
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

    /** The median of whole days (the mean of the two middle values for an even count); null without values. */
    static @Nullable Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2).doubleValue() : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private record Tx(String id, String householdId, String source, long net, LocalDate day) {}

    private record App(
            String txId, String locationId, String procedureCode, LocalDate serviceDate, String kind, long cents) {}
}

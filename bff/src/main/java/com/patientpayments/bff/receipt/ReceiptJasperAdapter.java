package com.patientpayments.bff.receipt;

import com.patientpayments.bff.Money;
import com.patientpayments.bff.emr.ReceiptAdjustment;
import com.patientpayments.bff.emr.ReceiptLine;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRParameter;
import org.jspecify.annotations.Nullable;

/**
 * The display edge between {@link ReceiptView} (cents, instants) and the Jasper template: every value arrives as text
 * in the receipt's language ({@link ReceiptText}: money, dates, times with their zone), labels come from the same
 * resource bundle ({@code $R{…}} in the template), and practice-provided text passes through
 * {@link GlyphFallback} so no character is silently lost.
 */
public final class ReceiptJasperAdapter {

    static final String DEFAULT_ZONE = "America/Chicago";
    private static final String NONE = "\u2014";

    private ReceiptJasperAdapter() {}

    /** Report parameters (everything outside the itemized table). */
    static Map<String, Object> parameters(
            ReceiptView view,
            ReceiptText text,
            GlyphFallback.Pass fit,
            @Nullable Object practiceLogo,
            Object pmsLogo,
            String pmsName) {
        ZoneId zone = zoneOf(view);
        String currency = view.currency();
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, text.locale());
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, text.bundle());
        p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(zone));
        p.put("PRACTICE_NAME", fit.fit(view.practice().name()));
        p.put("PRACTICE_INITIALS", fit.fit(initials(view.practice().name())));
        p.put("PRACTICE_CONTACT", fit.fit(contact(view.practice(), text)));
        p.put("PRACTICE_LOGO", practiceLogo);
        p.put("PMS_LOGO", pmsLogo);
        p.put("PMS_NAME", pmsName);
        p.put("PAID_AT_DATE", text.paidDate(view));
        p.put("PAID_AT_TIME", text.paidTime(view));
        p.put("TX_ID", view.txId());
        p.put("PROVIDER_REF", fit.fit(view.providerReference()));
        p.put("METHOD_LABEL", fit.fit(text.methodLabel(view)));
        p.put("GUARANTOR_NAME", fit.fit(view.guarantorName()));
        p.put("TOTAL_PAID", Money.of(view.totalCents(), currency).format(text.locale()));
        p.put("APPLIED", Money.of(view.appliedCents(), currency).format(text.locale()));
        p.put("CREDIT", Money.of(view.creditCents(), currency).format(text.locale()));
        p.put(
                "REMAINING_ON_CHARGES",
                Money.of(
                                view.lines().stream()
                                        .mapToLong(ReceiptLine::remainingCents)
                                        .sum(),
                                currency)
                        .format(text.locale()));
        p.put(
                "BALANCE_AFTER",
                view.balanceAfterCents() == null
                        ? null
                        : Money.of(view.balanceAfterCents(), currency).format(text.locale()));
        p.put("ADJUSTMENTS", adjustments(view, text, zone));
        p.put("STATUS_NOTE", text.statusNote(view));
        return p;
    }

    /**
     * One row per receipt line, in the payload's order (grouped by patient, then date of service). Each row also
     * carries its patient's subtotals, which the group footer prints.
     */
    static List<Map<String, ?>> rows(ReceiptView view, ReceiptText text, GlyphFallback.Pass fit) {
        Map<String, long[]> subtotals = new LinkedHashMap<>();
        for (ReceiptLine line : view.lines()) {
            long[] s = subtotals.computeIfAbsent(line.patientId(), k -> new long[3]);
            s[0] += line.chargeAmountCents();
            s[1] += line.appliedCents();
            s[2] += line.remainingCents();
        }
        String currency = view.currency();
        List<Map<String, ?>> rows = new ArrayList<>(view.lines().size());
        for (ReceiptLine line : view.lines()) {
            long[] s = Objects.requireNonNull(subtotals.get(line.patientId())); // filled above for every line
            Map<String, Object> row = new HashMap<>(16);
            row.put("PATIENT_KEY", line.patientId());
            row.put("PATIENT", fit.fit(line.patientName()));
            row.put("SERVICE_DATE", text.serviceDate(line.serviceDate()));
            row.put("PROCEDURE", fit.fit(line.procedureName()));
            row.put("PROVIDER", line.providerName() == null ? NONE : fit.fit(line.providerName()));
            row.put("CHARGE", Money.of(line.chargeAmountCents(), currency).format(text.locale()));
            row.put("APPLIED", Money.of(line.appliedCents(), currency).format(text.locale()));
            row.put("REMAINING", Money.of(line.remainingCents(), currency).format(text.locale()));
            row.put("SUB_CHARGE", Money.of(s[0], currency).format(text.locale()));
            row.put("SUB_APPLIED", Money.of(s[1], currency).format(text.locale()));
            row.put("SUB_REMAINING", Money.of(s[2], currency).format(text.locale()));
            rows.add(row);
        }
        return rows;
    }

    public static ZoneId zoneOf(ReceiptView view) {
        try {
            return ZoneId.of(view.practice().timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of(DEFAULT_ZONE);
        }
    }

    static String initials(String name) {
        StringBuilder sb = new StringBuilder(2);
        int letters = 0;
        for (String word : name.trim().split("\\s+")) {
            if (!word.isEmpty() && Character.isLetter(word.codePointAt(0)) && letters < 2) {
                sb.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
                letters++;
            }
        }
        return sb.toString();
    }

    private static String contact(ReceiptView.Practice practice, ReceiptText text) {
        StringBuilder sb = new StringBuilder();
        if (practice.line1() != null && !practice.line1().isBlank()) {
            sb.append(practice.line1());
            if (practice.line2() != null && !practice.line2().isBlank()) {
                sb.append(", ").append(practice.line2());
            }
        }
        String cityLine = practice.cityLine();
        if (!cityLine.isBlank()) {
            sb.append(sb.length() > 0 ? "\n" : "").append(cityLine.trim());
        }
        if (practice.phone() != null && !practice.phone().isBlank()) {
            sb.append(sb.length() > 0 ? "\n" : "").append(text.message("text.phone", practice.phone()));
        }
        return sb.toString();
    }

    private static @Nullable String adjustments(ReceiptView view, ReceiptText text, ZoneId zone) {
        if (view.adjustments().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (ReceiptAdjustment a : view.adjustments()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(text.message(
                    "adjustment.line",
                    text.adjustedAt(a.occurredAt(), zone),
                    text.adjustmentKind(a.kind()),
                    Money.of(a.amountCents(), view.currency()).format(text.locale())));
        }
        return sb.toString();
    }
}

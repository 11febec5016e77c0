package com.patientpayments.bff.receipt;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The display edge between {@link ReceiptView} (cents, instants) and the Jasper template: the only place where
 * cents become {@link BigDecimal} dollars and instants become text in the practice's time zone. Receipts are printed
 * in en-US for US practices.
 */
final class ReceiptJasperAdapter {

    static final Locale LOCALE = Locale.US;
    private static final DateTimeFormatter PAID_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", LOCALE);
    private static final DateTimeFormatter PAID_TIME = DateTimeFormatter.ofPattern("h:mm a zzz", LOCALE);
    private static final DateTimeFormatter SERVICE_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", LOCALE);
    private static final DateTimeFormatter ADJUSTED_AT = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a zzz", LOCALE);

    private ReceiptJasperAdapter() {
    }

    /** Report parameters (everything outside the itemized table). */
    static Map<String, Object> parameters(ReceiptView view, Object pmsLogo, String pmsName) {
        ZoneId zone = zoneOf(view);
        ZonedDateTime paidAt = view.paidAt().atZone(zone);
        Map<String, Object> p = new HashMap<>();
        p.put("REPORT_LOCALE", LOCALE);
        p.put("REPORT_TIME_ZONE", java.util.TimeZone.getTimeZone(zone));
        p.put("PRACTICE_NAME", view.practice().name());
        p.put("PRACTICE_INITIALS", initials(view.practice().name()));
        p.put("PRACTICE_CONTACT", contact(view.practice()));
        p.put("PMS_LOGO", pmsLogo);
        p.put("PMS_NAME", pmsName);
        p.put("PAID_AT_DATE", PAID_DATE.format(paidAt));
        p.put("PAID_AT_TIME", PAID_TIME.format(paidAt));
        p.put("TX_ID", view.txId());
        p.put("PROVIDER_REF", view.providerReference());
        p.put("METHOD_LABEL", view.methodLabel());
        p.put("GUARANTOR_NAME", view.guarantorName());
        p.put("TOTAL_PAID", dollars(view.totalCents()));
        p.put("APPLIED", dollars(view.appliedCents()));
        p.put("CREDIT", dollars(view.creditCents()));
        p.put("ADJUSTMENTS", adjustments(view, zone));
        p.put("STATUS_NOTE", statusNote(view));
        return p;
    }

    /** One row per receipt line, in the payload's order (grouped by patient, then date of service). */
    static List<Map<String, ?>> rows(ReceiptView view) {
        List<Map<String, ?>> rows = new ArrayList<>(view.lines().size());
        for (ReceiptView.Line line : view.lines()) {
            Map<String, Object> row = new HashMap<>(12);
            row.put("PATIENT_KEY", line.patientId());
            row.put("PATIENT", line.patientName());
            row.put("SERVICE_DATE", SERVICE_DATE.format(line.serviceDate()));
            row.put("PROCEDURE", line.procedureName());
            row.put("PROVIDER", line.providerName() == null ? "\u2014" : line.providerName());
            row.put("CHARGE", dollars(line.chargeAmountCents()));
            row.put("APPLIED", dollars(line.appliedCents()));
            row.put("REMAINING", dollars(line.remainingCents()));
            rows.add(row);
        }
        return rows;
    }

    static BigDecimal dollars(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    static String money(long cents) {
        return NumberFormat.getCurrencyInstance(LOCALE).format(dollars(cents));
    }

    static ZoneId zoneOf(ReceiptView view) {
        try {
            return ZoneId.of(view.practice().timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("America/Chicago");
        }
    }

    static String initials(String name) {
        StringBuilder sb = new StringBuilder(2);
        for (String word : name.trim().split("\\s+")) {
            if (!word.isEmpty() && Character.isLetter(word.codePointAt(0)) && sb.length() < 2) {
                sb.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return sb.toString();
    }

    private static String contact(ReceiptView.Practice practice) {
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
            sb.append(sb.length() > 0 ? "\n" : "").append("Phone ").append(practice.phone());
        }
        return sb.toString();
    }

    private static String adjustments(ReceiptView view, ZoneId zone) {
        if (view.adjustments().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (ReceiptView.Adjustment a : view.adjustments()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(ADJUSTED_AT.format(a.occurredAt().atZone(zone))).append(" \u2014 ").append(kindLabel(a.kind()))
                    .append(": ").append(money(a.amountCents()));
        }
        return sb.toString();
    }

    static String kindLabel(String kind) {
        switch (kind) {
            case "REFUND": return "Refunded to your card";
            case "DISPUTE_OPENED": return "Card dispute opened (amount on hold)";
            case "DISPUTE_WON": return "Card dispute closed in the practice's favor (payment stands)";
            case "DISPUTE_LOST": return "Card dispute closed in the cardholder's favor (amount returned)";
            default: return "Adjustment";
        }
    }

    private static String statusNote(ReceiptView view) {
        switch (view.status()) {
            case "REFUNDED": return "This payment was refunded in full after it was made. See the changes below.";
            case "PARTIALLY_REFUNDED": return "Part of this payment was refunded after it was made. See the changes below.";
            case "DISPUTED": return "A card dispute is open on this payment. See the changes below.";
            case "DISPUTE_LOST": return "This payment was reversed by a card dispute. See the changes below.";
            default:
                return view.adjustments().isEmpty() ? null : "This payment changed after it was made. See the changes below.";
        }
    }
}

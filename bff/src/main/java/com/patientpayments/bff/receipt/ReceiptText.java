package com.patientpayments.bff.receipt;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Short display texts of a receipt for other edges (the email body), formatted like the PDF (en-US). */
public final class ReceiptText {

    private static final DateTimeFormatter PAID_AT =
            DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a zzz", Locale.US);

    private ReceiptText() {
    }

    /** {@code $1,234.50}. */
    public static String money(long cents) {
        return ReceiptJasperAdapter.money(cents);
    }

    /** Date and time of payment in the practice's time zone, e.g. {@code March 3, 2026 at 2:05 PM CST}. */
    public static String paidAt(ReceiptView view) {
        return PAID_AT.format(view.paidAt().atZone(ReceiptJasperAdapter.zoneOf(view)));
    }

    /** {@code receipt-3F9C2A71.pdf}. */
    public static String fileName(ReceiptView view) {
        return "receipt-" + view.shortRef() + ".pdf";
    }
}

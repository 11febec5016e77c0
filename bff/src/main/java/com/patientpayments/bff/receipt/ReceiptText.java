package com.patientpayments.bff.receipt;

import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.util.ULocale;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The texts of a receipt in one language (PDF and email alike): labels from the {@code receipts/receipt} resource
 * bundle, money through {@link com.patientpayments.bff.Money#format}, dates and times in the locale's formats (java.time's localized styles; the
 * numeric service date from ICU's pattern for the skeleton {@code yyyyMMdd}) in the practice's time zone, which is
 * always shown with the time. Practice-provided text is passed through as given. Immutable and shared per language.
 */
public final class ReceiptText {

    /** Resource bundle of every receipt label (PDF and email). */
    public static final String BUNDLE = "receipts.receipt";

    private static final Map<String, ReceiptText> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final String language;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter paidDate;
    private final DateTimeFormatter time;
    private final DateTimeFormatter zone;
    private final DateTimeFormatter zoneName;
    private final DateTimeFormatter serviceDate;
    private final DateTimeFormatter adjustedDate;

    private ReceiptText(String language) {
        this.language = language;
        this.locale = ReceiptLocale.locale(language);
        // No fallback to the JVM's default locale: English is the base bundle.
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.paidDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        this.zone = DateTimeFormatter.ofPattern("z", locale);
        this.zoneName = DateTimeFormatter.ofPattern("vvvv", locale);
        this.serviceDate = DateTimeFormatter.ofPattern(
                DateTimePatternGenerator.getInstance(ULocale.forLocale(locale)).getBestPattern("yyyyMMdd"), locale);
        this.adjustedDate =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    /** The texts of a supported language ({@code en}, {@code es}); others get English. */
    public static ReceiptText of(String language) {
        String key = ReceiptLocale.locale(language).getLanguage();
        return BY_LANGUAGE.computeIfAbsent(key, ReceiptText::new);
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return locale;
    }

    /** The bundle the Jasper template reads its {@code $R{…}} labels from. */
    public ResourceBundle bundle() {
        return bundle;
    }

    /** A label as written in the bundle. */
    public String label(String key) {
        return bundle.getString(key);
    }

    /** A label pattern with its arguments filled in ({@link MessageFormat} in this locale). */
    public String message(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** Date of payment in the practice's time zone: {@code March 3, 2026} / {@code 3 de marzo de 2026}. */
    public String paidDate(ReceiptView view) {
        return paidDate.format(paidAt(view));
    }

    /** Time of payment with its time zone: {@code 2:05 PM CST (Central Time)} / {@code 2:05 p. m. CST (hora central)}. */
    public String paidTime(ReceiptView view) {
        return timeWithZone(paidAt(view));
    }

    /** Date and time of payment in one line, for the email. */
    public String paidDateTime(ReceiptView view) {
        return message("email.dateTime", paidDate(view), paidTime(view));
    }

    /** Date of service, numeric: {@code 01/05/2026} (en-US) / {@code 05/01/2026} (es-US). */
    public String serviceDate(LocalDate date) {
        return serviceDate.format(date);
    }

    /** When a refund or dispute happened: {@code Mar 5, 2026 9:30 AM CST (Central Time)}. */
    public String adjustedAt(Instant at, ZoneId zoneId) {
        ZonedDateTime z = at.atZone(zoneId);
        return adjustedDate.format(z) + " " + timeWithZone(z);
    }

    /** What a later change did, in words. */
    public String adjustmentKind(String kind) {
        try {
            return bundle.getString("adjustment." + kind);
        } catch (MissingResourceException e) {
            return bundle.getString("adjustment.other");
        }
    }

    /** A warning line for a payment that changed after it was made, or null. */
    public @Nullable String statusNote(ReceiptView view) {
        switch (view.status()) {
            case "REFUNDED":
            case "PARTIALLY_REFUNDED":
            case "DISPUTED":
            case "DISPUTE_LOST":
                return bundle.getString("status." + view.status());
            default:
                return view.adjustments().isEmpty() ? null : bundle.getString("status.changed");
        }
    }

    /** Payment method as printed, e.g. {@code VISA ••••4242}; "Card" in this language when the brand is unknown. */
    public String methodLabel(ReceiptView view) {
        return view.methodBrand() == null || view.methodBrand().isBlank()
                ? view.methodLabel().replaceFirst("^Card", label("method.card"))
                : view.methodLabel();
    }

    /** {@code receipt-3F9C2A71.pdf}. */
    public static String fileName(ReceiptView view) {
        return "receipt-" + view.shortRef() + ".pdf";
    }

    private String timeWithZone(ZonedDateTime z) {
        return message("time.withZone", time.format(z), zone.format(z), zoneName.format(z));
    }

    private static ZonedDateTime paidAt(ReceiptView view) {
        return view.paidAt().atZone(ReceiptJasperAdapter.zoneOf(view));
    }
}

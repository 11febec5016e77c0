package com.patientpayments.bff.receipt;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * The one place where server-side text (receipt PDF, receipt email, GraphQL {@code formatted}) turns an amount of
 * minor units into money text: the locale's currency format with the currency's own number of fraction digits
 * ({@link Currency#getDefaultFractionDigits()}: 2 for USD, 0 for JPY). Thread-safe (a format per call; they are cheap
 * next to a render).
 */
public final class MoneyText {

    private MoneyText() {}

    /** {@code minorUnits} of {@code currency} (ISO 4217) as text in {@code locale}, e.g. {@code $1,234.50}. */
    public static String format(long minorUnits, String currency, Locale locale) {
        Currency c = Currency.getInstance(currency);
        int digits = Math.max(0, c.getDefaultFractionDigits());
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(c);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(BigDecimal.valueOf(minorUnits, digits));
    }
}

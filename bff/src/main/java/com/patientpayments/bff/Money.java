package com.patientpayments.bff;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in integer minor units of a {@link Currency} (cents for USD, yen for JPY, fils for BHD); GraphQL {@code
 * Money}. Arithmetic stays in minor units ({@code Math.*Exact}, never a floating-point number) and refuses to mix
 * currencies. {@link #format(Locale)} is the one place where server-side text (GraphQL {@code formatted}, receipt PDF,
 * receipt email, error messages) turns an amount into money text; the number of fraction digits comes from the
 * currency ({@link Currency#getDefaultFractionDigits()}), never an assumed two.
 *
 * @param cents minor units of {@code currency} (the GraphQL field keeps the name {@code cents}); may be negative
 * @param currency the ISO-4217 currency; GraphQL serializes it as its code
 */
public record Money(long cents, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * {@code minorUnits} of the currency with ISO-4217 code {@code currencyCode}.
     *
     * @throws IllegalArgumentException when {@code currencyCode} is not an ISO-4217 code
     */
    public static Money of(long minorUnits, String currencyCode) {
        if (currencyCode == null || currencyCode.length() != 3) {
            throw new IllegalArgumentException("currency must be an ISO-4217 code");
        }
        return new Money(minorUnits, Currency.getInstance(currencyCode));
    }

    /** The sum; {@link IllegalArgumentException} for another currency, {@link ArithmeticException} on overflow. */
    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add amounts in different currencies");
        }
        return new Money(Math.addExact(cents, other.cents), currency);
    }

    /** The currency's number of fraction digits: 2 for USD, 0 for JPY, 3 for BHD (0 for currencies without any). */
    public int fractionDigits() {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /** The amount in whole units with {@link #fractionDigits()} decimals, for the display edge only. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(cents, fractionDigits());
    }

    /**
     * The amount as text in {@code locale}'s currency format with the currency's fraction digits, e.g. {@code
     * $1,234.50} (en-US), {@code ¥1,235} (en-US, JPY), {@code BHD 1,234.500} (en-US, BHD). A format per call, so
     * thread-safe.
     */
    public String format(Locale locale) {
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(currency);
        int digits = fractionDigits();
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(toDecimal());
    }

    /** The en-US display form (GraphQL {@code formatted}), e.g. {@code $1,234.50}. */
    public String formatted() {
        return format(Locale.US);
    }
}

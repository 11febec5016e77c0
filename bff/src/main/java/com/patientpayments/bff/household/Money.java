package com.patientpayments.bff.household;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount in integer minor units (cents) with its currency; GraphQL {@code Money}. Arithmetic stays in cents;
 * {@link #formatted()} is the only place the amount becomes text.
 */
public record Money(long cents, String currency) {

    public Money {
        if (currency == null || currency.length() != 3) {
            throw new IllegalArgumentException("currency must be an ISO-4217 code");
        }
    }

    public static Money of(long cents, String currency) {
        return new Money(cents, currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add amounts in different currencies");
        }
        return new Money(Math.addExact(cents, other.cents), currency);
    }

    /** en-US display form, e.g. {@code $1,234.50}. */
    public String formatted() {
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
        f.setCurrency(Currency.getInstance(currency));
        return f.format(java.math.BigDecimal.valueOf(cents, 2));
    }
}

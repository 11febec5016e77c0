package com.patientpayments.emr.ledger;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount in integer minor units of a {@link Currency}. The ledger keeps one currency today, US dollars
 * ({@link #ofCents}); amounts of different currencies are never added, subtracted or compared (an {@link
 * IllegalArgumentException}). Arithmetic stays exact ({@code Math.*Exact}); never a floating-point number. The connector
 * never turns money into text: the BFF's {@code Money.format} does, for every server-side text.
 *
 * @param cents minor units of {@code currency} (cents for USD); may be negative (reversals)
 * @param currency the ISO-4217 currency
 */
public record Money(long cents, Currency currency) implements Comparable<Money> {
    /** The ledger's currency. */
    public static final Currency USD = Currency.getInstance("USD");
    /** Its ISO-4217 code, as the API reports it. */
    public static final String CURRENCY = USD.getCurrencyCode();

    public static final Money ZERO = new Money(0, USD);

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /** {@code cents} US cents. */
    public static Money ofCents(long cents) {
        return new Money(cents, USD);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, same(other).cents), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, same(other).cents), currency);
    }

    public Money min(Money other) {
        return cents <= same(other).cents ? this : other;
    }

    public boolean isPositive() {
        return cents > 0;
    }

    public boolean isZero() {
        return cents == 0;
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(cents, same(o).cents);
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("amounts in different currencies");
        }
        return other;
    }
}

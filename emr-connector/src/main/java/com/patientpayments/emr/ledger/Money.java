package com.patientpayments.emr.ledger;

/** An amount of US dollars in cents. Arithmetic stays exact ({@code Math.*Exact}); never a floating-point number. */
public record Money(long cents) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);
    public static final String CURRENCY = "USD";

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money min(Money other) {
        return cents <= other.cents ? this : other;
    }

    public boolean isPositive() {
        return cents > 0;
    }

    public boolean isZero() {
        return cents == 0;
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(cents, o.cents);
    }
}

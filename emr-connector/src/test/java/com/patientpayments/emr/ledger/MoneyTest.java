package com.patientpayments.emr.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Money}: exact cents arithmetic that refuses to overflow or to mix currencies, and ordering by amount. */
class MoneyTest {

    @Test
    void arithmeticIsExactInCents() {
        assertThat(Money.ofCents(1999).plus(Money.ofCents(1))).isEqualTo(Money.ofCents(2000));
        assertThat(Money.ofCents(1000).minus(Money.ofCents(1001))).isEqualTo(Money.ofCents(-1));
        assertThat(Money.ofCents(700).min(Money.ofCents(500))).isEqualTo(Money.ofCents(500));
        assertThat(Money.ofCents(500).min(Money.ofCents(700))).isEqualTo(Money.ofCents(500));
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.ofCents(1).isPositive()).isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
        assertThat(Money.ofCents(-1).isPositive()).isFalse();
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.ofCents(Long.MAX_VALUE).plus(Money.ofCents(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofCents(Long.MIN_VALUE).minus(Money.ofCents(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void ordersByAmount() {
        List<Money> sorted = List.of(Money.ofCents(300), Money.ofCents(-5), Money.ZERO, Money.ofCents(300)).stream()
                .sorted()
                .toList();
        assertThat(sorted).containsExactly(Money.ofCents(-5), Money.ZERO, Money.ofCents(300), Money.ofCents(300));
        assertThat(Money.ofCents(2).compareTo(Money.ofCents(2))).isZero();
    }

    @Test
    void amountsOfDifferentCurrenciesAreNeverMixed() {
        Money euro = new Money(100, Currency.getInstance("EUR"));
        assertThat(Money.ofCents(100).currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(Money.ofCents(100)).isNotEqualTo(euro);
        assertThatThrownBy(() -> Money.ofCents(1).plus(euro)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofCents(1).minus(euro)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofCents(1).min(euro)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofCents(1).compareTo(euro)).isInstanceOf(IllegalArgumentException.class);
    }
}

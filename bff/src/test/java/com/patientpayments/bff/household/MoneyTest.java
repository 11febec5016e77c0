package com.patientpayments.bff.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsCentsForDisplayOnly() {
        assertThat(Money.of(123450, "USD").formatted()).isEqualTo("$1,234.50");
        assertThat(Money.of(5, "USD").formatted()).isEqualTo("$0.05");
        assertThat(Money.of(0, "USD").formatted()).isEqualTo("$0.00");
    }

    @Test
    void addsInCentsAndRefusesMixedCurrencies() {
        assertThat(Money.of(199, "USD").plus(Money.of(1, "USD"))).isEqualTo(Money.of(200, "USD"));
        assertThatThrownBy(() -> Money.of(1, "USD").plus(Money.of(1, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "USD").plus(Money.of(1, "USD")))
                .isInstanceOf(ArithmeticException.class);
    }
}

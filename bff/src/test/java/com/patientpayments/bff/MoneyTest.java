package com.patientpayments.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    /**
     * The one server-side formatter over currencies with 0 (JPY), 2 (USD) and 3 (BHD, KWD) fraction digits, in the
     * receipts' locales (en and es formatted in the practice's country, US) and one where es puts the symbol last.
     * {@code _} stands for the no-break space the CLDR formats put between amount and code.
     */
    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en-US | USD | 123450 | $1,234.50",
                "en-US | USD |      5 | $0.05",
                "en-US | USD |      0 | $0.00",
                "en-US | USD |     -5 | -$0.05",
                "es-US | USD | 123450 | $1,234.50",
                "en-US | JPY | 123450 | ¥123,450",
                "es-US | JPY |      7 | ¥7",
                "en-US | BHD | 123450 | BHD123.450",
                "en-US | KWD |      5 | KWD0.005",
                "es-US | BHD |   1000 | BHD1.000",
                "es-ES | USD | 123450 | 1.234,50_US$",
                "es-ES | JPY | 123450 | 123.450_JPY",
                "es-ES | KWD | 123450 | 123,450_KWD",
            })
    void formatsWithTheCurrencysOwnFractionDigitsInTheLocale(
            String locale, String currency, long minorUnits, String expected) {
        assertThat(Money.of(minorUnits, currency).format(Locale.forLanguageTag(locale)))
                .isEqualTo(expected.replace('_', '\u00a0'));
    }

    @Test
    void theGraphQLFormIsEnUsAndByteIdenticalForDollars() {
        assertThat(Money.of(123450, "USD").formatted()).isEqualTo("$1,234.50");
        assertThat(Money.of(5, "USD").formatted()).isEqualTo("$0.05");
        assertThat(Money.of(0, "USD").formatted()).isEqualTo("$0.00");
        assertThat(Money.of(123450, "JPY").formatted()).isEqualTo("¥123,450");
    }

    @Test
    void fractionDigitsComeFromTheCurrency() {
        assertThat(Money.of(1, "JPY").fractionDigits()).isZero();
        assertThat(Money.of(1, "USD").fractionDigits()).isEqualTo(2);
        assertThat(Money.of(1, "BHD").fractionDigits()).isEqualTo(3);
        assertThat(Money.of(1_234_567, "KWD").toDecimal()).isEqualByComparingTo(new BigDecimal("1234.567"));
        assertThat(Money.of(1_234_567, "JPY").toDecimal()).isEqualByComparingTo(new BigDecimal("1234567"));
    }

    @Test
    void addsInMinorUnitsAndRefusesMixedCurrencies() {
        assertThat(Money.of(199, "USD").plus(Money.of(1, "USD"))).isEqualTo(Money.of(200, "USD"));
        assertThatThrownBy(() -> Money.of(1, "USD").plus(Money.of(1, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "USD").plus(Money.of(1, "USD")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesWhatIsNotAnIsoCurrency() {
        assertThatThrownBy(() -> Money.of(1, "US")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "XYZ")).isInstanceOf(IllegalArgumentException.class);
    }
}

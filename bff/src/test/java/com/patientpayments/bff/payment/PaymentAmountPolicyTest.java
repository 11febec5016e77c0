package com.patientpayments.bff.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.Money;
import com.patientpayments.bff.PaymentsException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaymentAmountPolicyTest {

    private static final Money FIFTY_CENTS = Money.of(50, "USD");

    private static ErrorCode codeOf(long amount, long balance) {
        PaymentsException e = catchThrowableOfType(
                PaymentsException.class, () -> PaymentAmountPolicy.check(amount, balance, FIFTY_CENTS));
        return e == null ? null : e.code();
    }

    @Test
    void contractCases() {
        assertThat(codeOf(0, 10_000)).isEqualTo(ErrorCode.BAD_USER_INPUT);
        assertThat(codeOf(-1, 10_000)).isEqualTo(ErrorCode.BAD_USER_INPUT);
        assertThat(codeOf(49, 10_000)).isEqualTo(ErrorCode.AMOUNT_TOO_LOW);
        assertThat(codeOf(50, 10_000)).isNull();
        assertThat(codeOf(10_000, 10_000)).isNull();
        assertThat(codeOf(10_001, 10_000)).isEqualTo(ErrorCode.AMOUNT_EXCEEDS_BALANCE);
        // A whole balance below the minimum may be paid off, but not a part of it.
        assertThat(codeOf(30, 30)).isNull();
        assertThat(codeOf(29, 30)).isEqualTo(ErrorCode.AMOUNT_TOO_LOW);
        assertThat(codeOf(1, 0)).isEqualTo(ErrorCode.AMOUNT_EXCEEDS_BALANCE);
    }

    @Test
    void acceptedAmountsAreAlwaysPositiveWithinTheBalanceAndAtLeastTheMinimumOrTheWholeBalance() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long balance = random.nextInt(20_000);
            long amount = random.nextInt(25_000) - 100;
            boolean ok = codeOf(amount, balance) == null;
            boolean expected = amount > 0 && amount <= balance && (amount >= 50 || amount == balance);
            assertThat(ok).as("amount %d balance %d", amount, balance).isEqualTo(expected);
        }
        assertThatCode(() -> PaymentAmountPolicy.check(1, 1, FIFTY_CENTS)).doesNotThrowAnyException();
    }

    @Test
    void theTooLowMessageStatesTheMinimumInDollarsAndCents() {
        assertThat(catchThrowableOfType(
                                PaymentsException.class, () -> PaymentAmountPolicy.check(49, 10_000, FIFTY_CENTS))
                        .getMessage())
                .isEqualTo("The smallest card payment is $0.50 unless you pay your whole balance.");
        assertThat(catchThrowableOfType(
                                PaymentsException.class,
                                () -> PaymentAmountPolicy.check(1_999, 10_000, Money.of(2_000, "USD")))
                        .getMessage())
                .isEqualTo("The smallest card payment is $20.00 unless you pay your whole balance.");
    }
}

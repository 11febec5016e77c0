package com.patientpayments.bff.payment;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.Money;
import com.patientpayments.bff.PaymentsException;

/**
 * Whether an amount may be charged against a household's live balance: positive; at least the processor's minimum
 * unless it pays off a smaller whole balance; never above the balance.
 */
public final class PaymentAmountPolicy {

    private PaymentAmountPolicy() {}

    /**
     * Throws the contract's error for an amount that may not be charged.
     *
     * @param amountCents the amount asked for, in minor units of {@code minimum}'s currency
     * @param balanceCents the household's live balance, same units
     * @param minimum the processor's smallest charge; its en-US text is part of the {@code AMOUNT_TOO_LOW} message
     */
    public static void check(long amountCents, long balanceCents, Money minimum) {
        long minimumCents = minimum.cents();
        if (amountCents <= 0) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "Enter an amount greater than zero.");
        }
        if (amountCents > balanceCents) {
            throw new PaymentsException(ErrorCode.AMOUNT_EXCEEDS_BALANCE, "The amount is more than your balance.");
        }
        if (amountCents < minimumCents && amountCents != balanceCents) {
            throw new PaymentsException(
                    ErrorCode.AMOUNT_TOO_LOW,
                    "The smallest card payment is " + minimum.formatted() + " unless you pay your whole balance.");
        }
    }
}

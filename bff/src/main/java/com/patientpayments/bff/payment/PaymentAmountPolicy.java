package com.patientpayments.bff.payment;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;

/**
 * Whether an amount may be charged against a household's live balance: positive; at least the processor's minimum
 * unless it pays off a smaller whole balance; never above the balance.
 */
public final class PaymentAmountPolicy {

    private PaymentAmountPolicy() {}

    /** Throws the contract's error for an amount that may not be charged. */
    public static void check(long amountCents, long balanceCents, long minimumCents) {
        if (amountCents <= 0) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "Enter an amount greater than zero.");
        }
        if (amountCents > balanceCents) {
            throw new PaymentsException(ErrorCode.AMOUNT_EXCEEDS_BALANCE, "The amount is more than your balance.");
        }
        if (amountCents < minimumCents && amountCents != balanceCents) {
            throw new PaymentsException(
                    ErrorCode.AMOUNT_TOO_LOW,
                    "The smallest card payment is $" + minimumCents / 100 + "."
                            + String.format("%02d", minimumCents % 100) + " unless you pay your whole balance.");
        }
    }
}

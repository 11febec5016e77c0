package com.patientpayments.emr.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The allocation rule (pure domain code): a payment goes to open charges oldest date of service first; charges on the
 * same date are taken in entry order (ascending {@code entry_seq}). What cannot be applied becomes household credit.
 */
public final class Allocator {
    /** Allocation order: date of service, then entry sequence. */
    public static final Comparator<OpenCharge> ORDER =
            Comparator.comparing(OpenCharge::serviceDate).thenComparingLong(OpenCharge::entrySeq);

    private Allocator() {}

    /** A charge a payment may be applied to, with its current balance. */
    public record OpenCharge(UUID chargeId, LocalDate serviceDate, long entrySeq, Money balance) {}

    /** What one charge received and what it still owes afterwards. */
    public record Line(UUID chargeId, Money applied, Money balanceAfter) {}

    /** The result: lines in allocation order, and the credit left over. */
    public record Allocation(List<Line> lines, Money credit) {
        public Money applied() {
            return lines.stream().map(Line::applied).reduce(Money.ZERO, Money::plus);
        }
    }

    public static Allocation allocate(List<OpenCharge> charges, Money amount) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive");
        }
        List<OpenCharge> ordered = new ArrayList<>(charges);
        ordered.sort(ORDER);
        Money left = amount;
        List<Line> lines = new ArrayList<>();
        for (OpenCharge charge : ordered) {
            if (left.isZero()) {
                break;
            }
            if (!charge.balance().isPositive()) {
                continue;
            }
            Money applied = left.min(charge.balance());
            lines.add(new Line(charge.chargeId(), applied, charge.balance().minus(applied)));
            left = left.minus(applied);
        }
        return new Allocation(List.copyOf(lines), left);
    }
}

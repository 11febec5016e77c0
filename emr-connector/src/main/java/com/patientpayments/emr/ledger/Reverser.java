package com.patientpayments.emr.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Takes money back from a transaction (refund, dispute): the most recently applied amounts first — the transaction's
 * credit, then its charges in reverse allocation order — so the patient owes those charges again.
 */
public final class Reverser {
    private Reverser() {
    }

    /** What the transaction still has on one charge (net of earlier reversals). */
    public record Applied(UUID chargeId, LocalDate serviceDate, long entrySeq, Money net) {
    }

    /** One charge's reversal. */
    public record Line(UUID chargeId, Money reversed) {
    }

    /** Reversals in the order taken, plus the credit taken back. */
    public record Reversal(List<Line> lines, Money creditReversed) {
        public Money total() {
            return lines.stream().map(Line::reversed).reduce(creditReversed, Money::plus);
        }
    }

    public static Money available(Money credit, List<Applied> applied) {
        return applied.stream().map(Applied::net).filter(Money::isPositive).reduce(credit, Money::plus);
    }

    public static Reversal reverse(Money credit, List<Applied> applied, Money amount) {
        if (!amount.isPositive() || amount.compareTo(available(credit, applied)) > 0) {
            throw new IllegalArgumentException("amount must be positive and at most what is available");
        }
        Money fromCredit = credit.isPositive() ? credit.min(amount) : Money.ZERO;
        Money left = amount.minus(fromCredit);
        List<Applied> ordered = new ArrayList<>(applied);
        ordered.sort(Comparator.comparing(Applied::serviceDate).thenComparingLong(Applied::entrySeq).reversed());
        List<Line> lines = new ArrayList<>();
        for (Applied a : ordered) {
            if (left.isZero()) {
                break;
            }
            if (!a.net().isPositive()) {
                continue;
            }
            Money taken = left.min(a.net());
            lines.add(new Line(a.chargeId(), taken));
            left = left.minus(taken);
        }
        return new Reversal(List.copyOf(lines), fromCredit);
    }
}

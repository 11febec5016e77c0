package com.patientpayments.emr.ledger;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reversals take credit first, then the most recently allocated amounts. */
class ReverserTest {
    private static final LocalDate BASE = LocalDate.of(2026, 3, 1);

    @Test
    void creditFirstThenReverseAllocationOrder() {
        UUID oldest = UUID.randomUUID();
        UUID newest = UUID.randomUUID();
        List<Reverser.Applied> applied = List.of(
                new Reverser.Applied(oldest, BASE, 1, Money.ofCents(5000)),
                new Reverser.Applied(newest, BASE.plusDays(3), 2, Money.ofCents(2000)));

        Reverser.Reversal r = Reverser.reverse(Money.ofCents(500), applied, Money.ofCents(3000));

        assertThat(r.creditReversed().cents()).isEqualTo(500);
        assertThat(r.lines()).extracting(Reverser.Line::chargeId).containsExactly(newest, oldest);
        assertThat(r.lines()).extracting(l -> l.reversed().cents()).containsExactly(2000L, 500L);
        assertThatThrownBy(() -> Reverser.reverse(Money.ofCents(500), applied, Money.ofCents(7501)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void propertiesHoldOverManyGeneratedTransactions() {
        Random random = new Random(7L);
        for (int run = 0; run < 5_000; run++) {
            List<Reverser.Applied> applied = new ArrayList<>();
            for (int i = 0, n = random.nextInt(8); i < n; i++) {
                applied.add(new Reverser.Applied(UUID.randomUUID(), BASE.plusDays(random.nextInt(3)), i,
                        Money.ofCents(1 + random.nextInt(30_000))));
            }
            Money credit = Money.ofCents(random.nextInt(3) == 0 ? random.nextInt(10_000) : 0);
            long available = Reverser.available(credit, applied).cents();
            if (available == 0) {
                continue;
            }
            long amount = 1 + (long) (random.nextDouble() * available);

            Reverser.Reversal r = Reverser.reverse(credit, applied, Money.ofCents(amount));

            assertThat(r.total().cents()).isEqualTo(amount);
            assertThat(r.creditReversed().cents()).isEqualTo(Math.min(credit.cents(), amount));
            List<Reverser.Applied> newestFirst = new ArrayList<>(applied);
            newestFirst.sort(Comparator.comparing(Reverser.Applied::serviceDate)
                    .thenComparingLong(Reverser.Applied::entrySeq).reversed());
            for (int i = 0; i < r.lines().size(); i++) {
                Reverser.Line line = r.lines().get(i);
                Reverser.Applied a = newestFirst.get(i);
                assertThat(line.chargeId()).as("reverse allocation order").isEqualTo(a.chargeId());
                assertThat(line.reversed().cents()).isPositive().isLessThanOrEqualTo(a.net().cents());
                if (i < r.lines().size() - 1) {
                    assertThat(line.reversed()).as("earlier lines are fully reversed").isEqualTo(a.net());
                }
            }
        }
    }
}

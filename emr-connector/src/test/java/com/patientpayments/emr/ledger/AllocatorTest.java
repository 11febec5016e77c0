package com.patientpayments.emr.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The allocation rule over many generated households and amounts. */
class AllocatorTest {
    private static final LocalDate BASE = LocalDate.of(2026, 3, 1);

    @Test
    void oldestDateFirstThenEntryOrderThenCredit() {
        UUID late = UUID.randomUUID();
        UUID sameDaySecond = UUID.randomUUID();
        UUID sameDayFirst = UUID.randomUUID();
        List<Allocator.OpenCharge> charges = List.of(
                new Allocator.OpenCharge(late, BASE.plusDays(10), 1, Money.ofCents(5000)),
                new Allocator.OpenCharge(sameDaySecond, BASE, 7, Money.ofCents(3000)),
                new Allocator.OpenCharge(sameDayFirst, BASE, 3, Money.ofCents(2000)));

        Allocator.Allocation a = Allocator.allocate(charges, Money.ofCents(4000));

        assertThat(a.lines()).extracting(Allocator.Line::chargeId).containsExactly(sameDayFirst, sameDaySecond);
        assertThat(a.lines()).extracting(l -> l.applied().cents()).containsExactly(2000L, 2000L);
        assertThat(a.lines().get(1).balanceAfter().cents()).isEqualTo(1000);
        assertThat(a.credit()).isEqualTo(Money.ZERO);

        Allocator.Allocation over = Allocator.allocate(charges, Money.ofCents(12_345));
        assertThat(over.applied().cents()).isEqualTo(10_000);
        assertThat(over.credit().cents()).isEqualTo(2_345);
    }

    @Test
    void propertiesHoldOverManyGeneratedHouseholds() {
        Random random = new Random(20261122L);
        for (int run = 0; run < 5_000; run++) {
            List<Allocator.OpenCharge> charges = new ArrayList<>();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                // few distinct dates, so same-date ties are frequent; some charges already paid (balance 0)
                charges.add(new Allocator.OpenCharge(
                        UUID.randomUUID(),
                        BASE.plusDays(random.nextInt(4)),
                        random.nextInt(1_000_000),
                        Money.ofCents(random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(60_000))));
            }
            long total = charges.stream().mapToLong(ch -> ch.balance().cents()).sum();
            long amount =
                    1 + (random.nextBoolean() ? random.nextInt((int) Math.max(1, total) + 1) : random.nextInt(400_000));

            Allocator.Allocation a = Allocator.allocate(charges, Money.ofCents(amount));

            Map<UUID, Allocator.OpenCharge> byId = new HashMap<>();
            charges.forEach(ch -> byId.put(ch.chargeId(), ch));
            assertThat(a.applied().plus(a.credit()).cents())
                    .as("applied + credit = amount")
                    .isEqualTo(amount);
            assertThat(a.credit().cents()).isGreaterThanOrEqualTo(0);
            assertThat(a.credit().cents())
                    .as("credit only when everything is paid")
                    .isEqualTo(Math.max(0, amount - total));
            for (Allocator.Line line : a.lines()) {
                Allocator.OpenCharge ch = byId.get(line.chargeId());
                assertThat(line.applied().cents()).isPositive();
                assertThat(line.balanceAfter().cents())
                        .as("no charge below zero")
                        .isGreaterThanOrEqualTo(0);
                assertThat(line.applied().plus(line.balanceAfter())).isEqualTo(ch.balance());
            }
            List<Allocator.OpenCharge> applied =
                    a.lines().stream().map(l -> byId.get(l.chargeId())).toList();
            for (int i = 1; i < applied.size(); i++) {
                assertThat(Allocator.ORDER.compare(applied.get(i - 1), applied.get(i)))
                        .as("lines in date, then entry order")
                        .isLessThan(0);
            }
            // oldest first: a charge left unpaid (fully or partly) means no later charge received anything
            for (int i = 0; i < a.lines().size() - 1; i++) {
                assertThat(a.lines().get(i).balanceAfter().cents())
                        .as("only the last line may stay partly open")
                        .isZero();
            }
            if (!a.lines().isEmpty()) {
                Allocator.OpenCharge last = applied.get(applied.size() - 1);
                for (Allocator.OpenCharge ch : charges) {
                    boolean received = byId.containsKey(ch.chargeId())
                            && a.lines().stream().anyMatch(l -> l.chargeId().equals(ch.chargeId()));
                    if (!received && ch.balance().isPositive()) {
                        assertThat(Allocator.ORDER.compare(ch, last))
                                .as("skipped charges come after the last paid")
                                .isGreaterThan(0);
                    }
                }
            }
        }
    }
}

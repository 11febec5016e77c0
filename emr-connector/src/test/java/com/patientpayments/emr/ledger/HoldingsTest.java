package com.patientpayments.emr.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link Holdings}: the target is a function of the claims alone, and planning from any history of claim changes
 * (with other payments paying the charges meanwhile) never overdraws a charge and ends where the final claims say.
 */
class HoldingsTest {

    @Test
    void claimsTakeTheMostRecentlyAppliedMoneyFirstRefundsBeforeDisputes() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        List<Holdings.Slot> slots =
                List.of(new Holdings.Slot(null, 500), new Holdings.Slot(newer, 2000), new Holdings.Slot(older, 5000));
        Holdings.Source refund = new Holdings.Source(Holdings.Kind.REFUND, "re_1");
        Holdings.Source dispute = new Holdings.Source(Holdings.Kind.DISPUTE, "dp_1");
        var target =
                Holdings.target(slots, List.of(new Holdings.Claim(refund, 1500), new Holdings.Claim(dispute, 9000)));
        assertThat(target.get(refund)).containsExactlyInAnyOrderEntriesOf(mapOf(null, 500L, newer, 1000L));
        // the dispute gets what is left, capped by the payment
        assertThat(target.get(dispute)).containsExactlyInAnyOrderEntriesOf(mapOf(newer, 1000L, older, 5000L));
        // a failed refund (0) moves the dispute up the stack
        var afterFail =
                Holdings.target(slots, List.of(new Holdings.Claim(refund, 0), new Holdings.Claim(dispute, 2000)));
        assertThat(afterFail).doesNotContainKey(refund);
        assertThat(afterFail.get(dispute)).containsExactlyInAnyOrderEntriesOf(mapOf(null, 500L, newer, 1500L));
    }

    /**
     * A refund fails while a dispute takes the same money: the restoration is planned before the withdrawal, so the
     * charge's running balance goes 1000 → 0 → 1000 and never reads 2000 on a 1000 charge.
     */
    @Test
    void moneyMovingFromOneClaimToAnotherOnTheSameChargeNeverOverdrawsIt() {
        UUID charge = UUID.randomUUID();
        Holdings.Source refund = new Holdings.Source(Holdings.Kind.REFUND, "re_1");
        Holdings.Source dispute = new Holdings.Source(Holdings.Kind.DISPUTE, "dp_1");
        List<Holdings.Slot> slots = List.of(new Holdings.Slot(null, 0), new Holdings.Slot(charge, 1000));
        var target = Holdings.target(slots, List.of(new Holdings.Claim(refund, 0), new Holdings.Claim(dispute, 1000)));
        List<Holdings.Move> moves = Holdings.plan(
                target, List.of(new Holdings.Held(refund, charge, 1000)), Map.of(charge, 1000L), Map.of(charge, 0L));
        assertThat(moves)
                .containsExactly(
                        new Holdings.Move(refund, charge, 1000, 0, 0),
                        new Holdings.Move(dispute, charge, -1000, 0, 1000));
    }

    /** Same inputs, same rows in the same order: restorations first, then refunds before disputes, by id, credit first. */
    @Test
    void movesComeInOneDeterministicOrder() {
        UUID a = new UUID(0, 1);
        UUID b = new UUID(0, 2);
        Holdings.Source re1 = new Holdings.Source(Holdings.Kind.REFUND, "re_1");
        Holdings.Source re2 = new Holdings.Source(Holdings.Kind.REFUND, "re_2");
        Holdings.Source dp = new Holdings.Source(Holdings.Kind.DISPUTE, "dp_1");
        Map<Holdings.Source, Map<UUID, Long>> target = new HashMap<>();
        target.put(dp, mapOf(null, 10L, b, 20L));
        target.put(re2, mapOf(a, 30L, b, 40L));
        target.put(re1, mapOf(null, 50L, a, 60L));
        List<Holdings.Held> held = List.of(new Holdings.Held(dp, a, 5), new Holdings.Held(re2, null, 7));
        Map<UUID, Long> balances = Map.of(a, 500L, b, 500L);
        Map<UUID, Long> lieu = Map.of(a, 0L, b, 0L);
        List<Holdings.Move> moves = Holdings.plan(target, held, balances, lieu);
        assertThat(moves)
                .extracting(m -> m.source().id() + "/"
                        + (m.chargeId() == null ? "credit" : m.chargeId().equals(a) ? "a" : "b"))
                .containsExactly(
                        // restorations (what a claim no longer takes), then withdrawals; refunds before disputes, by
                        // id;
                        // on one claim the credit slot before the charges, charges by id
                        "re_2/credit", "dp_1/a", "re_1/credit", "re_1/a", "re_2/a", "re_2/b", "dp_1/credit", "dp_1/b");
        assertThat(Holdings.plan(target, held, balances, lieu)).isEqualTo(moves);
    }

    @Test
    void anyHistoryOfClaimChangesEndsWhereTheFinalClaimsSayAndNeverOverdraws() {
        long seed = Long.getLong("holdings.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int run = 0; run < 400; run++) {
            try {
                oneHistory(random);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + " run " + run + ": " + e.getMessage(), e);
            }
        }
    }

    private static void oneHistory(Random random) {
        int charges = 1 + random.nextInt(4);
        List<Holdings.Slot> slots = new ArrayList<>();
        slots.add(new Holdings.Slot(null, random.nextInt(3) == 0 ? 1 + random.nextInt(300) : 0));
        Ledger ledger = new Ledger();
        for (int i = 0; i < charges; i++) {
            UUID id = UUID.randomUUID();
            long applied = 1 + random.nextInt(1000);
            slots.add(new Holdings.Slot(id, applied));
            ledger.amount.put(id, applied + random.nextInt(500));
        }
        long capacity = slots.stream().mapToLong(Holdings.Slot::capacityCents).sum();
        List<Holdings.Source> sources = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            sources.add(new Holdings.Source(Holdings.Kind.REFUND, "re_" + i));
        }
        sources.add(new Holdings.Source(Holdings.Kind.DISPUTE, "dp_0"));
        Map<Holdings.Source, Long> claims = new HashMap<>();
        boolean others = random.nextBoolean();
        for (int step = 0; step < 1 + random.nextInt(8); step++) {
            claims.put(
                    sources.get(random.nextInt(sources.size())),
                    random.nextInt(3) == 0 ? 0L : (long) random.nextInt((int) capacity + 200));
            if (others) {
                // another payment pays part of a charge meanwhile
                UUID c = slots.get(1 + random.nextInt(charges)).chargeId();
                ledger.external.merge(c, (long) random.nextInt((int) ledger.balance(slots, c) + 1), Long::sum);
            }
            ledger.apply(slots, claims, sources);
            ledger.checkInvariants(slots);
        }
        if (!others) {
            Ledger fresh = new Ledger();
            fresh.amount.putAll(ledger.amount);
            fresh.apply(slots, claims, sources);
            for (Holdings.Slot s : slots) {
                if (!s.isCredit()) {
                    assertThat(ledger.balance(slots, s.chargeId())).isEqualTo(fresh.balance(slots, s.chargeId()));
                }
            }
            assertThat(ledger.heldBySource()).isEqualTo(fresh.heldBySource());
            assertThat(ledger.credit()).isEqualTo(fresh.credit());
        }
        // what the transaction holds = posting − claims (capped), wherever it sits
        long claimed = Math.min(
                capacity, claims.values().stream().mapToLong(Long::longValue).sum());
        assertThat(ledger.holding(slots)).isEqualTo(capacity - claimed);
    }

    /** An in-memory ledger of one transaction's rows, applying {@link Holdings#plan} like HoldingsWriter does. */
    private static final class Ledger {
        final Map<UUID, Long> amount = new HashMap<>();
        final Map<UUID, Long> external = new HashMap<>();
        final List<Holdings.Move> rows = new ArrayList<>();

        void apply(List<Holdings.Slot> slots, Map<Holdings.Source, Long> claims, List<Holdings.Source> order) {
            List<Holdings.Claim> ordered = order.stream()
                    .filter(claims::containsKey)
                    .map(s -> new Holdings.Claim(s, claims.get(s)))
                    .toList();
            var target = Holdings.target(slots, ordered);
            List<Holdings.Held> held = new ArrayList<>();
            for (Holdings.Move m : rows) {
                held.add(new Holdings.Held(m.source(), m.chargeId(), -(m.chargeCents() + m.creditCents())));
            }
            Map<UUID, Long> balances = new HashMap<>();
            Map<UUID, Long> lieu = new HashMap<>();
            for (Holdings.Slot s : slots) {
                if (!s.isCredit()) {
                    balances.put(s.chargeId(), balance(slots, s.chargeId()));
                    lieu.put(
                            s.chargeId(),
                            rows.stream()
                                    .filter(m -> s.chargeId().equals(m.chargeId()))
                                    .mapToLong(Holdings.Move::creditCents)
                                    .sum());
                }
            }
            List<Holdings.Move> moves = Holdings.plan(target, held, balances, lieu);
            for (Holdings.Move m : moves) {
                rows.add(m);
                if (m.chargeId() != null) {
                    assertThat(m.chargeBalanceAfter()).isEqualTo(balance(slots, m.chargeId()));
                    // every row's running balance is one the charge really had: never above its amount, never < 0
                    assertThat(m.chargeBalanceAfter())
                            .as("balance after a move")
                            .isBetween(0L, amount.get(m.chargeId()));
                }
            }
            // planning again changes nothing
            List<Holdings.Held> after = new ArrayList<>();
            for (Holdings.Move m : rows) {
                after.add(new Holdings.Held(m.source(), m.chargeId(), -(m.chargeCents() + m.creditCents())));
            }
            assertThat(Holdings.plan(target, after, balancesNow(slots), lieuNow(slots)))
                    .isEmpty();
        }

        long net(List<Holdings.Slot> slots, UUID charge) {
            long cap = slots.stream()
                    .filter(s -> charge.equals(s.chargeId()))
                    .mapToLong(Holdings.Slot::capacityCents)
                    .sum();
            return cap
                    + rows.stream()
                            .filter(m -> charge.equals(m.chargeId()))
                            .mapToLong(Holdings.Move::chargeCents)
                            .sum();
        }

        long balance(List<Holdings.Slot> slots, UUID charge) {
            return amount.get(charge) - external.getOrDefault(charge, 0L) - net(slots, charge);
        }

        Map<UUID, Long> balancesNow(List<Holdings.Slot> slots) {
            Map<UUID, Long> out = new HashMap<>();
            slots.stream().filter(s -> !s.isCredit()).forEach(s -> out.put(s.chargeId(), balance(slots, s.chargeId())));
            return out;
        }

        Map<UUID, Long> lieuNow(List<Holdings.Slot> slots) {
            Map<UUID, Long> out = new HashMap<>();
            slots.stream()
                    .filter(s -> !s.isCredit())
                    .forEach(s -> out.put(
                            s.chargeId(),
                            rows.stream()
                                    .filter(m -> s.chargeId().equals(m.chargeId()))
                                    .mapToLong(Holdings.Move::creditCents)
                                    .sum()));
            return out;
        }

        long credit() {
            return rows.stream().mapToLong(Holdings.Move::creditCents).sum();
        }

        long holding(List<Holdings.Slot> slots) {
            long total = slots.get(0).capacityCents() + credit();
            for (Holdings.Slot s : slots) {
                if (!s.isCredit()) {
                    total += net(slots, s.chargeId());
                }
            }
            return total;
        }

        Map<Holdings.Source, Long> heldBySource() {
            Map<Holdings.Source, Long> out = new HashMap<>();
            for (Holdings.Move m : rows) {
                out.merge(m.source(), -(m.chargeCents() + m.creditCents()), Long::sum);
            }
            out.values().removeIf(v -> v == 0);
            return out;
        }

        void checkInvariants(List<Holdings.Slot> slots) {
            long ownCredit = slots.get(0).capacityCents()
                    + rows.stream()
                            .filter(m -> m.chargeId() == null)
                            .mapToLong(Holdings.Move::creditCents)
                            .sum();
            assertThat(ownCredit).as("own credit").isBetween(0L, slots.get(0).capacityCents());
            for (Holdings.Slot s : slots) {
                if (s.isCredit()) {
                    continue;
                }
                assertThat(balance(slots, s.chargeId())).as("balance").isBetween(0L, amount.get(s.chargeId()));
                assertThat(net(slots, s.chargeId())).as("net applied").isBetween(0L, s.capacityCents());
                long lieu = lieuNow(slots).get(s.chargeId());
                assertThat(lieu).as("credit in lieu").isGreaterThanOrEqualTo(0L);
                assertThat(net(slots, s.chargeId()) + lieu).as("held on slot").isLessThanOrEqualTo(s.capacityCents());
            }
        }
    }

    private static Map<UUID, Long> mapOf(UUID k1, Long v1, UUID k2, Long v2) {
        Map<UUID, Long> m = new HashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}

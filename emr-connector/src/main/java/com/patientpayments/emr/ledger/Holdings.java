package com.patientpayments.emr.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a posted payment still holds, as a pure function of the provider's current state (pure domain code).
 *
 * <p>The posting filled <em>slots</em>: one per charge it applied to, plus its credit. Refunds and disputes are
 * <em>claims</em> that take money back: a refund while it is in effect, a dispute while its funds are withdrawn. The
 * claims take from the slots in a fixed order — the most recently applied money first: the credit, then the charges in
 * reverse allocation order — and among themselves refunds first (by the provider's creation time), then disputes.
 * So the target depends only on the claims' current amounts, never on the order their events arrived in: a refund
 * that fails re-applies what it took, an escalated inquiry starts taking, a won dispute gives back.
 *
 * <p>{@link #plan} turns the difference between what each claim holds now and its target into moves. Money put back
 * on a charge that something else has paid meanwhile is kept as household credit <em>in lieu</em> of that charge
 * (and taken from there first when it is claimed again), so a charge balance never goes below zero or above its
 * amount.
 */
public final class Holdings {
    private Holdings() {}

    /** Refund or dispute: what a claim is. */
    public enum Kind {
        REFUND,
        DISPUTE
    }

    /** A refund or dispute by its provider id. */
    public record Source(Kind kind, String id) {}

    /** A claim and the amount it currently takes back (0 for a failed refund or an inquiry). */
    public record Claim(Source source, long cents) {}

    /**
     * One slot of the original posting: a charge ({@code chargeId}) or the credit ({@code chargeId == null}), with
     * what the posting put there.
     */
    public record Slot(@Nullable UUID chargeId, long capacityCents) {
        public boolean isCredit() {
            return chargeId == null;
        }
    }

    /** What one claim currently holds of one slot. For a charge slot: taken from the charge and from its in-lieu credit. */
    public record Held(Source source, @Nullable UUID chargeId, long takenCents) {}

    /**
     * One ledger move. {@code chargeCents} is appended to the charge's applications (negative: taken back; positive:
     * applied again) and {@code creditCents} to the household credit ({@code inLieuOf} the charge, or the transaction's
     * own credit when {@code chargeId} is null).
     */
    public record Move(
            Source source, @Nullable UUID chargeId, long chargeCents, long creditCents, long chargeBalanceAfter) {}

    /**
     * The target: how much each claim takes from each slot.
     *
     * @param slotsTopFirst the posting's slots, the first to be taken back first (credit, then newest charge)
     * @param claims        in claim order (refunds by provider creation, then disputes)
     * @return per claim, per slot key (charge id, or {@code null} for the credit), cents taken; zero entries omitted
     */
    public static Map<Source, Map<UUID, Long>> target(List<Slot> slotsTopFirst, List<Claim> claims) {
        Map<Source, Map<UUID, Long>> out = new HashMap<>();
        int slot = 0;
        long usedInSlot = 0;
        for (Claim claim : claims) {
            long want = Math.max(0, claim.cents());
            while (want > 0 && slot < slotsTopFirst.size()) {
                Slot s = slotsTopFirst.get(slot);
                long free = s.capacityCents() - usedInSlot;
                if (free <= 0) {
                    slot++;
                    usedInSlot = 0;
                    continue;
                }
                long take = Math.min(free, want);
                out.computeIfAbsent(claim.source(), k -> new HashMap<>()).merge(s.chargeId(), take, Long::sum);
                usedInSlot += take;
                want -= take;
            }
        }
        return out;
    }

    /**
     * The moves that bring what each claim holds to its target. Restorations are planned before new withdrawals so
     * money moving from one claim to another on the same charge never overdraws it.
     *
     * @param target         from {@link #target}
     * @param held           what each claim holds now, per slot
     * @param chargeBalances current balance of every charge of the posting (updated as moves are planned)
     * @param inLieuCredit   credit the transaction keeps in lieu of each charge now (updated likewise)
     */
    public static List<Move> plan(
            Map<Source, Map<UUID, Long>> target,
            List<Held> held,
            Map<UUID, Long> chargeBalances,
            Map<UUID, Long> inLieuCredit) {
        Map<Key, Long> now = new HashMap<>();
        for (Held h : held) {
            now.merge(new Key(h.source(), h.chargeId()), h.takenCents(), Long::sum);
        }
        Map<Key, Long> deltas = new HashMap<>();
        now.forEach((k, v) -> deltas.merge(k, -v, Long::sum));
        target.forEach((source, bySlot) ->
                bySlot.forEach((chargeId, cents) -> deltas.merge(new Key(source, chargeId), cents, Long::sum)));
        List<Map.Entry<Key, Long>> ordered = new ArrayList<>(deltas.entrySet());
        ordered.removeIf(e -> e.getValue() == 0);
        // Deterministic: restorations first, then by source and slot.
        ordered.sort((a, b) -> {
            int sign = Boolean.compare(a.getValue() > 0, b.getValue() > 0);
            return sign != 0 ? sign : a.getKey().compareTo(b.getKey());
        });
        Map<UUID, Long> balances = new HashMap<>(chargeBalances);
        Map<UUID, Long> lieu = new HashMap<>(inLieuCredit);
        List<Move> moves = new ArrayList<>();
        for (Map.Entry<Key, Long> e : ordered) {
            Key k = e.getKey();
            long delta = e.getValue();
            if (k.chargeId() == null) {
                moves.add(new Move(k.source(), null, 0, -delta, 0));
                continue;
            }
            long balance = balances.getOrDefault(k.chargeId(), 0L);
            long inLieu = lieu.getOrDefault(k.chargeId(), 0L);
            long toCharge;
            long toCredit;
            if (delta < 0) {
                long restore = -delta;
                toCharge = Math.min(restore, balance);
                toCredit = restore - toCharge;
            } else {
                long fromLieu = Math.min(delta, inLieu);
                toCredit = -fromLieu;
                toCharge = -(delta - fromLieu);
            }
            balance -= toCharge;
            balances.put(k.chargeId(), balance);
            lieu.put(k.chargeId(), inLieu + toCredit);
            moves.add(new Move(k.source(), k.chargeId(), toCharge, toCredit, balance));
        }
        return moves;
    }

    private record Key(Source source, @Nullable UUID chargeId) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = source.kind().compareTo(o.source.kind());
            if (c == 0) {
                c = source.id().compareTo(o.source.id());
            }
            if (c == 0 && !Objects.equals(chargeId, o.chargeId)) {
                c = chargeId == null ? -1 : o.chargeId == null ? 1 : chargeId.compareTo(o.chargeId);
            }
            return c;
        }
    }
}

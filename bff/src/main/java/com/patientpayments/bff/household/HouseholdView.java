package com.patientpayments.bff.household;

import com.patientpayments.bff.Money;
import com.patientpayments.bff.emr.EmrCharge;
import com.patientpayments.bff.emr.EmrPatient;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The patient-facing shape of a {@link HouseholdSnapshot}: patients in name order, open charges grouped by patient (in
 * that order) and by date of service within a patient; same-date charges keep the connector's allocation order.
 */
public final class HouseholdView {

    /** Charge statuses in schema order (summary rows follow it). */
    enum Status {
        OPEN,
        PARTIALLY_PAID,
        PAID,
        DISPUTED
    }

    private static final Collator NAMES = Collator.getInstance(Locale.US);

    private final HouseholdSnapshot snapshot;
    private final String currency;
    private final List<PatientView> patients;
    private final List<ChargeView> charges;

    public HouseholdView(HouseholdSnapshot snapshot) {
        this.snapshot = snapshot;
        this.currency = snapshot.openCharges().currency();
        List<EmrPatient> ps = new ArrayList<>(
                snapshot.household().patients() == null
                        ? List.of()
                        : snapshot.household().patients());
        ps.sort(Comparator.comparing(EmrPatient::name, NAMES).thenComparing(EmrPatient::id));
        Map<String, Integer> patientOrder = new LinkedHashMap<>();
        ps.forEach(p -> patientOrder.put(p.id(), patientOrder.size()));
        List<EmrCharge> open = new ArrayList<>(snapshot.openCharges().charges());
        open.removeIf(c -> c.balanceCents() <= 0);
        // List.sort is stable: same patient and date keep the connector's allocation order.
        open.sort(Comparator.<EmrCharge>comparingInt(c -> patientOrder.getOrDefault(c.patientId(), Integer.MAX_VALUE))
                .thenComparing(EmrCharge::patientName, NAMES)
                .thenComparing(EmrCharge::serviceDate));
        this.charges = open.stream().map(c -> ChargeView.of(c, currency)).toList();
        this.patients = ps.stream()
                .map(p -> new PatientView(
                        p.id(),
                        p.name(),
                        Money.of(
                                open.stream()
                                        .filter(c -> c.patientId().equals(p.id()))
                                        .mapToLong(EmrCharge::balanceCents)
                                        .sum(),
                                currency)))
                .toList();
    }

    public String guarantorName() {
        return snapshot.household().guarantorName();
    }

    public String practiceHash() {
        return snapshot.household().practiceHash();
    }

    public Money balance() {
        return Money.of(snapshot.openCharges().balanceCents(), currency);
    }

    public Money credit() {
        return Money.of(snapshot.openCharges().creditCents(), currency);
    }

    public List<PatientView> patients() {
        return patients;
    }

    /** Open charges, optionally only those of the given statuses. */
    public List<ChargeView> charges(@Nullable Set<String> statuses) {
        if (statuses == null || statuses.isEmpty()) {
            return charges;
        }
        return charges.stream().filter(c -> statuses.contains(c.status())).toList();
    }

    public ChargeSummary summary() {
        Map<Status, long[]> byStatus = new EnumMap<>(Status.class);
        long amount = 0;
        long balance = 0;
        for (ChargeView c : charges) {
            amount += c.amount().cents();
            balance += c.balance().cents();
            long[] row = byStatus.computeIfAbsent(Status.valueOf(c.status()), s -> new long[2]);
            row[0]++;
            row[1] += c.balance().cents();
        }
        List<ChargeStatusSummary> rows = new ArrayList<>();
        byStatus.forEach(
                (s, row) -> rows.add(new ChargeStatusSummary(s.name(), (int) row[0], Money.of(row[1], currency))));
        return new ChargeSummary(charges.size(), Money.of(amount, currency), Money.of(balance, currency), rows);
    }

    /** GraphQL {@code Patient}. */
    public record PatientView(String id, String name, Money balance) {}

    /** GraphQL {@code ChargeSummary}. */
    public record ChargeSummary(int count, Money totalAmount, Money totalBalance, List<ChargeStatusSummary> byStatus) {}

    /** GraphQL {@code ChargeStatusSummary}. */
    public record ChargeStatusSummary(String status, int count, Money totalBalance) {}
}

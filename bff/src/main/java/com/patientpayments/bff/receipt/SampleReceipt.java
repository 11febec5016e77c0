package com.patientpayments.bff.receipt;

import com.patientpayments.bff.emr.ReceiptLine;
import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Sample receipt data a practice admin previews before going live: the practice's identity, invented patients. */
public final class SampleReceipt {

    static final String SAMPLE_TX_ID = "SAMPLE-0000-0000-0000-000000000000";

    private SampleReceipt() {}

    public static ReceiptView of(ReceiptView.Practice practice, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zoneOf(practice)));
        List<ReceiptLine> lines = List.of(
                line("s1", "p1", "Alex Sample", today.minusDays(40), "Periodic oral evaluation", 6_500, 6_500),
                line("s2", "p1", "Alex Sample", today.minusDays(40), "Prophylaxis (adult cleaning)", 11_000, 11_000),
                line(
                        "s3",
                        "p2",
                        "Jamie Sample",
                        today.minusDays(12),
                        "Resin-based composite, two surfaces, posterior",
                        21_000,
                        10_000));
        long applied = lines.stream().mapToLong(ReceiptLine::appliedCents).sum();
        return sample(practice, clock, lines, applied, null);
    }

    /**
     * A sample whose patients are named in every script the receipt fonts cover (Latin, Greek, Cyrillic, Chinese,
     * Japanese, Korean): rendering it once loads every font face, for the start-up warm-up.
     */
    static ReceiptView allScripts(ReceiptView.Practice practice, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zoneOf(practice)));
        String[] names = {"Nguyễn Łucja Ørsted", "Σοφία Παπαδοπούλου", "Дмитрий Иванов", "陈小明", "山田 はなこ", "김민준"};
        List<ReceiptLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            lines.add(line("w" + i, "p" + i, names[i], today.minusDays(i), "Periodic oral evaluation", 6_500, 6_500));
        }
        long applied = 6_500L * names.length;
        return sample(practice, clock, lines, applied, 0L);
    }

    /** The sample payment: {@code applied} cents (all applied, no credit), paid now by a test Visa card. */
    private static ReceiptView sample(
            ReceiptView.Practice practice,
            Clock clock,
            List<ReceiptLine> lines,
            long applied,
            @Nullable Long balanceAfterCents) {
        return new ReceiptView(
                SAMPLE_TX_ID,
                "pi_sample",
                "sample",
                practice.hash(),
                "sample",
                practice,
                "Pat Sample",
                clock.instant(),
                "visa",
                "4242",
                "USD",
                applied,
                applied,
                0,
                0,
                "SUCCEEDED",
                lines,
                List.of(),
                balanceAfterCents);
    }

    private static ReceiptLine line(
            String id, String patientId, String patient, LocalDate date, String procedure, long charge, long applied) {
        return new ReceiptLine(
                id,
                patientId,
                patient,
                date,
                procedure,
                "Dr. Sample Provider",
                null,
                charge,
                applied,
                charge - applied);
    }

    private static ZoneId zoneOf(ReceiptView.Practice practice) {
        try {
            return ZoneId.of(practice.timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("America/Chicago");
        }
    }
}

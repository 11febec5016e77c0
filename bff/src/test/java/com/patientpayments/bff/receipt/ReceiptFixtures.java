package com.patientpayments.bff.receipt;

import com.patientpayments.bff.emr.EmrReceipt;
import com.patientpayments.bff.emr.ReceiptAdjustment;
import com.patientpayments.bff.emr.ReceiptLine;
import com.patientpayments.contract.PostalAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Receipt payloads for tests and benchmarks: accented names, long procedure names, 1 to hundreds of lines. */
public final class ReceiptFixtures {

    public static final String TX_ID = "3f9c2a71-5d4e-4b8a-9c1f-7e2d6a0b4c19";
    /** 2026-03-03 20:05 UTC = 2:05 PM CST in America/Chicago. */
    public static final Instant PAID_AT = Instant.parse("2026-03-03T20:05:00Z");

    public static final String LONG_PROCEDURE =
            "Crown - porcelain fused to high noble metal, including temporary crown,"
                    + " impressions and cementation (tooth #14, upper left first molar)";

    private static final String[] PATIENTS = {"Sofía García-Núñez", "Lucas García", "Zoë O'Brien-Łukasiewicz"};
    private static final String[] PROCEDURES = {
        "Periodic oral evaluation",
        "Prophylaxis (adult cleaning)",
        "Bitewings - four radiographic images",
        LONG_PROCEDURE,
        "Resin-based composite, two surfaces, posterior"
    };
    private static final String[] PROVIDERS = {"Dr. Renée Dubois", "Ana Peña, RDH", "Dr. Jürgen Müller"};

    private ReceiptFixtures() {}

    /** Bright Smiles Dental in Austin, as the connector describes it, through the receipt's own assembler. */
    public static ReceiptView.Practice practice() {
        return ReceiptAssembler.practice(new EmrReceipt.Practice(
                "prac-1",
                "K7MX4Q",
                "Bright Smiles Dental",
                "(512) 555-0142",
                "+15125550142",
                new PostalAddress("120 Main St", "Suite 4", "Austin", "TX", "78701"),
                null,
                "America/Chicago",
                null));
    }

    /** A receipt of {@code lineCount} lines over three patients; each line: charge c, applied a, remaining c - a. */
    public static ReceiptView receipt(int lineCount) {
        return receipt(lineCount, 0, List.of(), "SUCCEEDED");
    }

    public static ReceiptView receipt(
            int lineCount, long creditCents, List<ReceiptAdjustment> adjustments, String status) {
        List<ReceiptLine> lines = new ArrayList<>();
        long applied = 0;
        int perPatient = Math.max(1, (lineCount + PATIENTS.length - 1) / PATIENTS.length);
        for (int i = 0; i < lineCount; i++) {
            int p = Math.min(i / perPatient, PATIENTS.length - 1);
            long charge = 4_500 + 1_250L * (i % 17);
            long paid = i % 3 == 2 ? charge / 2 : charge;
            applied += paid;
            String procedure = lineCount > 5
                    ? PROCEDURES[i % PROCEDURES.length] + " [" + (i + 1) + "]"
                    : PROCEDURES[(i + 3) % PROCEDURES.length];
            lines.add(new ReceiptLine(
                    "chg-" + i,
                    "pat-" + p,
                    PATIENTS[p],
                    LocalDate.of(2026, 1, 5).plusDays(i / 4),
                    procedure,
                    PROVIDERS[i % PROVIDERS.length],
                    "Downtown",
                    charge,
                    paid,
                    charge - paid));
        }
        return new ReceiptView(
                TX_ID,
                "pi_3PqRsTuVwXyZ0123",
                "prac-1",
                "K7MX4Q",
                "hh-1",
                practice(),
                "María José García",
                PAID_AT,
                "visa",
                "4242",
                "USD",
                applied + creditCents,
                applied,
                creditCents,
                0,
                status,
                lines,
                adjustments,
                null);
    }
}

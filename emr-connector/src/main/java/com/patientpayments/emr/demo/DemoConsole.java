package com.patientpayments.emr.demo;

import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.console.StaffAccounts;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The practice console's demo data (demo seeding only): one admin and one billing member per practice plus the
 * vendor's support, all with {@link #PASSWORD} and the authenticator secret {@link #TOTP_SECRET}; and 90 days of
 * patient payments before today across Bright Smiles' two locations and every source (online, in office, mail/check,
 * other) on history households of their own (accounts 1100xx), with the funnel's daily counts. The history is
 * generated from a fixed seed relative to the day the demo is seeded.
 */
final class DemoConsole {
    /** The demo staff password (printed on the DEMO line; public, demo only). */
    static final String PASSWORD = "demo-console-2026";
    /** The demo staff's base32 TOTP secret (printed on the DEMO line as otp=; public, demo only). */
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    /** Days of history before today. */
    static final int DAYS = 90;

    private static final String[] LAST = {
        "Anderson",
        "Brooks",
        "Castillo",
        "Dubois",
        "Eriksen",
        "Fischer",
        "Gupta",
        "Hoang",
        "Ibrahim",
        "Jensen",
        "Kowalski",
        "Lopez",
        "Moreau",
        "Novak",
        "Okoye",
        "Park",
        "Quinn",
        "Rahman",
        "Schmidt",
        "Tanaka",
        "Urbano",
        "Varga",
        "Walsh",
        "Xu",
        "Yilmaz",
        "Zimmer"
    };
    private static final String[] FIRST = {"Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie"};
    private static final String[][] PROCEDURES = {
        {"D0120", "6200"},
        {"D1110", "11800"},
        {"D0274", "7400"},
        {"D1120", "8900"},
        {"D1206", "3800"},
        {"D2391", "19500"},
        {"D2392", "24500"},
        {"D4341", "26500"},
        {"D3330", "98500"},
        {"D7140", "21000"},
        {"D9230", "5500"}
    };
    private static final String[] SOURCES = {
        "ONLINE_PATIENT_PAYMENT",
        "ONLINE_PATIENT_PAYMENT",
        "CASH",
        "CARD_IN_OFFICE",
        "CARD_IN_OFFICE",
        "CHECK",
        "CHECK",
        "OTHER"
    };

    private final Connection c;

    DemoConsole(Connection c) {
        this.c = c;
    }

    void writeAll() {
        String hash = StaffAccounts.hash(PASSWORD);
        staff("bright", "Bright Smiles", "bright-smiles.example", hash);
        staff("lakeside", "Lakeside", "lakeside-dentistry.example", hash);
        staff("harbor", "Harbor View", "harbor-view.example", hash);
        Jdbc.update(
                c,
                "INSERT INTO staff_accounts (id, email, display_name, password_hash, totp_secret, support)"
                        + " VALUES (?, ?, ?, ?, NULL, TRUE)",
                DemoData.id("staff:support"),
                "support@pms-vendor.example",
                "PMS Vendor Support",
                hash);
        history("bright", ZoneId.of("America/Chicago"), List.of("downtown", "northside"), 40, "1100");
    }

    private void staff(String practice, String label, String domain, String hash) {
        for (String role : new String[] {"PRACTICE_ADMIN", "BILLING"}) {
            String who = role.equals("PRACTICE_ADMIN") ? "admin" : "billing";
            UUID id = DemoData.id("staff:" + practice + ":" + who);
            Jdbc.update(
                    c,
                    "INSERT INTO staff_accounts (id, email, display_name, password_hash, totp_secret)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    id,
                    who + "@" + domain,
                    label + (who.equals("admin") ? " Admin" : " Billing"),
                    hash,
                    TOTP_SECRET);
            Jdbc.update(
                    c,
                    "INSERT INTO staff_memberships (staff_id, practice_id, role) VALUES (?, ?, ?)",
                    id,
                    DemoData.id("practice:" + practice),
                    role);
        }
    }

    private void history(String practice, ZoneId zone, List<String> locations, int households, String prefix) {
        Random random = new Random(20_261_130L);
        UUID practiceId = DemoData.id("practice:" + practice);
        List<UUID> hh = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            UUID h = DemoData.id("history:" + practice + ":household:" + i);
            String last = LAST[i % LAST.length];
            Jdbc.update(
                    c,
                    "INSERT INTO households (id, practice_id, account_number, guarantor_first_name,"
                            + " guarantor_last_name) VALUES (?, ?, ?, ?, ?)",
                    h,
                    practiceId,
                    prefix + String.format("%02d", i),
                    FIRST[i % FIRST.length],
                    last);
            Jdbc.update(
                    c,
                    "INSERT INTO patients (id, household_id, first_name, last_name) VALUES (?, ?, ?, ?)",
                    DemoData.id("history:" + practice + ":patient:" + i),
                    h,
                    FIRST[(i + 3) % FIRST.length],
                    last);
            hh.add(h);
        }
        String[] providers = {"patel", "whitfield"};
        LocalDate today = LocalDate.now(zone);
        int n = 0;
        for (int back = DAYS; back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            int payments = random.nextInt(4);
            int online = 0;
            for (int p = 0; p < payments; p++, n++) {
                int i = random.nextInt(households);
                String[] proc = PROCEDURES[random.nextInt(PROCEDURES.length)];
                long charge = Long.parseLong(proc[1]);
                UUID chargeId = DemoData.id("history:" + practice + ":charge:" + n);
                Jdbc.update(
                        c,
                        "INSERT INTO charges (id, household_id, patient_id, location_id, provider_id,"
                                + " service_date, procedure_code, amount_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        chargeId,
                        hh.get(i),
                        DemoData.id("history:" + practice + ":patient:" + i),
                        DemoData.id("location:" + locations.get(random.nextInt(locations.size()))),
                        DemoData.id("provider:" + providers[random.nextInt(providers.length)]),
                        day.minusDays(random.nextInt(45)),
                        proc[0],
                        charge);
                String source = SOURCES[random.nextInt(SOURCES.length)];
                boolean isOnline = source.equals("ONLINE_PATIENT_PAYMENT");
                online += isOnline ? 1 : 0;
                long paid = random.nextInt(3) == 0 ? charge / 2 : charge;
                UUID tx = DemoData.id("history:" + practice + ":tx:" + n);
                ZonedDateTime at =
                        day.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(zone);
                Jdbc.update(
                        c,
                        "INSERT INTO transactions (id, provider_reference, practice_id, household_id, source,"
                                + " status, amount_cents, currency, method_brand, method_last4, paid_at)"
                                + " VALUES (?, ?, ?, ?, ?, 'SUCCEEDED', ?, 'USD', ?, ?, ?)",
                        tx,
                        (isOnline ? "pi_demo_hist_" : "demo-hist-") + practice + "-" + n,
                        practiceId,
                        hh.get(i),
                        source,
                        paid,
                        isOnline ? "VISA" : null,
                        isOnline ? "4242" : null,
                        at.toInstant());
                Jdbc.update(
                        c,
                        "INSERT INTO payment_applications (transaction_id, charge_id, amount_cents, kind,"
                                + " balance_after_cents, created_at) VALUES (?, ?, ?, 'PAYMENT', ?, ?)",
                        tx,
                        chargeId,
                        paid,
                        charge - paid,
                        at.toInstant());
                Jdbc.update(
                        c,
                        "INSERT INTO audit_log (occurred_at, action, household_id, transaction_id,"
                                + " amount_cents, reference) VALUES (?, 'DEMO_HISTORY_POSTED', ?, ?, ?, NULL)",
                        at.toInstant(),
                        hh.get(i),
                        tx,
                        paid);
            }
            int landing = online * 3 + random.nextInt(5);
            int signedIn = online * 2 + random.nextInt(2);
            int[] counts = {landing, signedIn, online + random.nextInt(2), online};
            String[] steps = {"LANDING", "SIGNED_IN", "PAYMENT_STARTED", "PAYMENT_COMPLETED"};
            for (int s = 0; s < steps.length; s++) {
                Jdbc.update(
                        c,
                        "INSERT INTO funnel_daily (practice_id, day, step, count) VALUES (?, ?, ?, ?)",
                        practiceId,
                        day,
                        steps[s],
                        (long) counts[s]);
            }
        }
    }
}

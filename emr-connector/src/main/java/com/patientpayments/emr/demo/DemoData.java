package com.patientpayments.emr.demo;

import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.household.LastNames;
import com.patientpayments.emr.practice.PracticeLogos;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes the EMR side of the demo data (API.md "Demo data"): practices, hashes, locations, providers, procedures,
 * households, patients and charges. Ids are derived from fixed names, so a fresh database gets the same state (and
 * the same ids) every time.
 */
final class DemoData {
    private final Connection c;
    private final PracticeLogos logos;

    DemoData(Connection c, PracticeLogos logos) {
        this.c = c;
        this.logos = logos;
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("patient-payments-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }

    void writeAll() {
        procedures();
        brightSmiles();
        lakeside();
        harborView();
        // Harbor View has no logo: patients see its initials.
        logo("bright", PracticeLogos.PNG, "demo/logos/bright-smiles.png");
        logo("lakeside", PracticeLogos.SVG, "demo/logos/lakeside.svg");
    }

    /** A published logo from a classpath file, through the same checks (and SVG sanitizing) as an upload. */
    private void logo(String practice, String contentType, String resource) {
        byte[] bytes;
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            bytes = Objects.requireNonNull(in, resource).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        logos.saveDraft(c, id("practice:" + practice), contentType, bytes);
        logos.publish(c, id("practice:" + practice));
    }

    private void procedures() {
        String[][] rows = {
            {"D0120", "Periodic oral evaluation"},
            {"D0150", "Comprehensive oral evaluation — new or established patient"},
            {"D0210", "Full-mouth series of X-rays"},
            {"D0274", "Bitewing X-rays (4 films)"},
            {"D1110", "Adult prophylaxis (cleaning)"},
            {"D1120", "Child prophylaxis (cleaning)"},
            {"D1206", "Fluoride varnish"},
            {"D1351", "Sealant — per tooth"},
            {"D2391", "Resin composite filling — one surface, posterior"},
            {"D2392", "Resin composite filling — two surfaces, posterior"},
            {"D2740", "Porcelain/ceramic crown"},
            {"D2950", "Core buildup, including any pins when required"},
            {"D3330", "Root canal treatment — molar tooth (excluding final restoration)"},
            {"D4341", "Periodontal scaling and root planing — four or more teeth per quadrant"},
            {"D7140", "Extraction, erupted tooth or exposed root (elevation and/or forceps removal)"},
            {"D9230", "Nitrous oxide analgesia (laughing gas)"},
        };
        for (String[] r : rows) {
            Jdbc.update(c, "INSERT INTO procedures (code, patient_name) VALUES (?, ?)", r[0], r[1]);
        }
    }

    private void brightSmiles() {
        practice(
                "bright",
                "Bright Smiles Dental",
                "(312) 555-0142",
                "+13125550142",
                new String[] {"1200 W Madison St", "Suite 300", "Chicago", "IL", "60607"},
                "America/Chicago",
                null);
        hash("K7MX4Q", "bright", true);
        hash("W3NPKV", "bright", false);
        location("downtown", "bright", "Downtown", "(312) 555-0142", new String[] {
            "1200 W Madison St", "Suite 300", "Chicago", "IL", "60607"
        });
        location("northside", "bright", "Northside", "(773) 555-0190", new String[] {
            "4820 N Clark St", null, "Chicago", "IL", "60640"
        });
        provider("patel", "bright", "Dr. Priya Patel, DDS");
        provider("whitfield", "bright", "Dr. James Whitfield, DMD");

        household("garcia", "bright", "100234", "Maria", "García");
        patient("maria", "garcia", "Maria", "García");
        patient("lucas", "garcia", "Lucas", "García");
        patient("sofia", "garcia", "Sofia", "García");
        charge("garcia-1", "garcia", "maria", "downtown", "patel", "2026-08-04", "D0120", 6200);
        charge("garcia-2", "garcia", "maria", "downtown", "patel", "2026-08-04", "D1110", 11800);
        charge("garcia-3", "garcia", "maria", "downtown", "patel", "2026-08-04", "D0274", 7400);
        charge("garcia-4", "garcia", "lucas", "northside", "whitfield", "2026-09-15", "D1120", 8900);
        charge("garcia-5", "garcia", "lucas", "northside", "whitfield", "2026-09-15", "D1206", 3800);
        charge("garcia-6", "garcia", "sofia", "downtown", "patel", "2026-10-20", "D2392", 24500);
        charge("garcia-7", "garcia", "sofia", "downtown", "patel", "2026-10-20", "D9230", 5500);

        household("obrien", "bright", "100235", "Sean", "O'Brien");
        patient("sean", "obrien", "Sean", "O'Brien");
        patient("aoife", "obrien", "Aoife", "O'Brien");
        charge("obrien-1", "obrien", "aoife", "northside", "whitfield", "2026-06-18", "D1110", 11800);
        charge("obrien-2", "obrien", "sean", "downtown", "patel", "2026-07-10", "D4341", 26500);
        charge("obrien-3", "obrien", "sean", "downtown", "patel", "2026-10-02", "D0120", 6200);

        household("chen", "bright", "100236", "Wei", "Chen");
        patient("wei", "chen", "Wei", "Chen");
        charge("chen-1", "chen", "wei", "downtown", "whitfield", "2026-09-03", "D0120", 6200);
        charge("chen-2", "chen", "wei", "downtown", "whitfield", "2026-09-03", "D1110", 11800);

        // The console's browser test pays and refunds here; no other spec pays into it, so it always has a balance.
        household("kowalski", "bright", "100237", "Anna", "Kowalski");
        patient("anna", "kowalski", "Anna", "Kowalski");
        charge("kowalski-1", "kowalski", "anna", "northside", "whitfield", "2026-10-08", "D0120", 6200);
        charge("kowalski-2", "kowalski", "anna", "northside", "whitfield", "2026-10-08", "D1110", 11800);
    }

    private void lakeside() {
        practice(
                "lakeside",
                "Lakeside Family Dentistry",
                "(216) 555-0188",
                "+12165550188",
                new String[] {"780 Lakeside Ave E", null, "Cleveland", "OH", "44114"},
                "America/New_York",
                "acct_1DemoLakeside00");
        hash("HR9T3W", "lakeside", true);
        location("lakeside-main", "lakeside", "Lakeside Avenue", "(216) 555-0188", new String[] {
            "780 Lakeside Ave E", null, "Cleveland", "OH", "44114"
        });
        provider("rossi", "lakeside", "Dr. Elena Rossi, DDS");

        household("nguyen", "lakeside", "200100", "Ana", "Nguyen-Smith");
        patient("ana", "nguyen", "Ana", "Nguyen-Smith");
        patient("minh", "nguyen", "Minh", "Nguyen-Smith");
        charge("nguyen-1", "nguyen", "ana", "lakeside-main", "rossi", "2026-08-12", "D0150", 9500);
        charge("nguyen-2", "nguyen", "ana", "lakeside-main", "rossi", "2026-08-12", "D0210", 14000);
        charge("nguyen-3", "nguyen", "minh", "lakeside-main", "rossi", "2026-09-30", "D1351", 5200);
        charge("nguyen-4", "nguyen", "ana", "lakeside-main", "rossi", "2026-10-28", "D3330", 98500);
        charge("nguyen-5", "nguyen", "ana", "lakeside-main", "rossi", "2026-10-28", "D2950", 28500);
    }

    private void harborView() {
        practice(
                "harbor",
                "Harbor View Pediatric Dentistry",
                "(206) 555-0117",
                "+12065550117",
                new String[] {"1501 Alaskan Way", "Pier 57", "Seattle", "WA", "98101"},
                "America/Los_Angeles",
                null);
        hash("QX7TMD", "harbor", true);
        location("harbor-main", "harbor", "Waterfront", "(206) 555-0117", new String[] {
            "1501 Alaskan Way", "Pier 57", "Seattle", "WA", "98101"
        });
        provider("okafor", "harbor", "Dr. Chidi Okafor, DDS");
        household("lindqvist", "harbor", "300001", "Åsa", "Lindqvist");
        patient("elin", "lindqvist", "Elin", "Lindqvist");
        charge("lindqvist-1", "lindqvist", "elin", "harbor-main", "okafor", "2026-10-07", "D7140", 21000);
    }

    private void practice(
            String key, String name, String phone, String e164, String[] a, String tz, @Nullable String acct) {
        Jdbc.update(
                c,
                "INSERT INTO practices (id, tenant_id, company_id, name, phone, phone_e164, address_line1,"
                        + " address_line2, city, state, postal_code, logo_url, time_zone, stripe_account_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id("practice:" + key),
                id("tenant:" + key),
                id("company:" + key),
                name,
                phone,
                e164,
                a[0],
                a[1],
                a[2],
                a[3],
                a[4],
                null,
                tz,
                acct);
    }

    private void hash(String hash, String practice, boolean active) {
        Jdbc.update(
                c,
                "INSERT INTO practice_hashes (hash, practice_id, active, created_at) VALUES (?, ?, ?, ?)",
                hash,
                id("practice:" + practice),
                active,
                java.time.Instant.parse(active ? "2026-01-02T00:00:00Z" : "2025-01-02T00:00:00Z"));
    }

    private void location(String key, String practice, String name, String phone, String[] a) {
        Jdbc.update(
                c,
                "INSERT INTO practice_locations (id, practice_id, name, phone, address_line1, address_line2,"
                        + " city, state, postal_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id("location:" + key),
                id("practice:" + practice),
                name,
                phone,
                a[0],
                a[1],
                a[2],
                a[3],
                a[4]);
    }

    private void provider(String key, String practice, String name) {
        Jdbc.update(
                c,
                "INSERT INTO providers (id, practice_id, display_name) VALUES (?, ?, ?)",
                id("provider:" + key),
                id("practice:" + practice),
                name);
    }

    private void household(String key, String practice, String account, String first, String last) {
        Jdbc.update(
                c,
                "INSERT INTO households (id, practice_id, account_number, guarantor_first_name,"
                        + " guarantor_last_name, guarantor_last_name_normalized) VALUES (?, ?, ?, ?, ?, ?)",
                id("household:" + key),
                id("practice:" + practice),
                account,
                first,
                last,
                LastNames.normalize(last));
    }

    private void patient(String key, String household, String first, String last) {
        Jdbc.update(
                c,
                "INSERT INTO patients (id, household_id, first_name, last_name) VALUES (?, ?, ?, ?)",
                id("patient:" + key),
                id("household:" + household),
                first,
                last);
    }

    private void charge(
            String key,
            String household,
            String patient,
            String location,
            String provider,
            String date,
            String code,
            long cents) {
        Jdbc.update(
                c,
                "INSERT INTO charges (id, household_id, patient_id, location_id, provider_id, service_date,"
                        + " procedure_code, amount_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id("charge:" + key),
                id("household:" + household),
                id("patient:" + patient),
                id("location:" + location),
                id("provider:" + provider),
                LocalDate.parse(date),
                code,
                cents);
    }
}

package com.patientpayments.emr.household;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.contract.PostalAddress;
import com.patientpayments.emr.charge.ChargeRepository;
import com.patientpayments.emr.charge.OpenChargesView;
import com.patientpayments.emr.practice.PracticeRepository;
import com.patientpayments.emr.practice.PracticeView;
import com.patientpayments.emr.support.Fixtures;
import com.patientpayments.emr.support.TestApp;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The patient read path's Micronaut Data repositories against real rows, for the edges the HTTP tests do not reach: a
 * practice without any active hash, phone, address or logo; a location with only a city; the newest of two active
 * hashes; a household without charges; patients' order; a last name with an apostrophe, hyphen and accents.
 */
class PatientReadRepositoriesTest {
    private static final String HASH_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static TestApp app;
    private static TransactionOperations<Connection> tx;
    private static PracticeRepository practices;
    private static HouseholdRepository households;
    private static ChargeRepository charges;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        tx = app.context().getBean(Argument.of(TransactionOperations.class, Connection.class));
        practices = app.context().getBean(PracticeRepository.class);
        households = app.context().getBean(HouseholdRepository.class);
        charges = app.context().getBean(ChargeRepository.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aBarePracticeHasNullsWhereTheEmrHasNothing() throws SQLException {
        Fixtures.Household h;
        try (Connection c = app.connect()) {
            h = Fixtures.household(c, "Bare", List.of());
            exec(
                    c,
                    "INSERT INTO practice_hashes (hash, practice_id, active) VALUES (?, ?, false)",
                    hash(),
                    h.practiceId());
            exec(
                    c,
                    "INSERT INTO practice_locations (id, practice_id, name, city) VALUES (?, ?, 'Annex', 'Austin')",
                    UUID.randomUUID(),
                    h.practiceId());
        }
        PracticeView p = read(() -> practices.findById(h.practiceId())).orElseThrow();
        assertThat(p.id()).isEqualTo(h.practiceId().toString());
        assertThat(p.hash()).isNull();
        assertThat(p.phone()).isNull();
        assertThat(p.phoneE164()).isNull();
        assertThat(p.address()).isNull();
        assertThat(p.stripeAccountId()).isNull();
        assertThat(p.logo()).isNull();
        assertThat(p.timeZone()).isEqualTo("UTC");
        // by name: "Annex" before the fixture's "Main"; an address with only a city is still an address
        assertThat(p.locations()).extracting(PracticeView.Location::name).containsExactly("Annex", "Main");
        assertThat(p.locations().get(0).address()).isEqualTo(new PostalAddress(null, null, "Austin", null, null));
        assertThat(p.locations().get(1).address()).isNull();
        assertThat(read(() -> practices.findById(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void onlyActiveHashesFindAPracticeAndTheNewestActiveOneIsItsHash() throws SQLException {
        Fixtures.Household h;
        String inactive = hash();
        String older = hash();
        String newer = hash();
        try (Connection c = app.connect()) {
            h = Fixtures.household(c, "Hashes", List.of());
            exec(
                    c,
                    "INSERT INTO practice_hashes (hash, practice_id, active) VALUES (?, ?, false)",
                    inactive,
                    h.practiceId());
            exec(
                    c,
                    "INSERT INTO practice_hashes (hash, practice_id, created_at) VALUES (?, ?, now() - interval '1 day')",
                    older,
                    h.practiceId());
            exec(c, "INSERT INTO practice_hashes (hash, practice_id) VALUES (?, ?)", newer, h.practiceId());
        }
        assertThat(read(() -> practices.findByActiveHash(inactive))).isEmpty();
        assertThat(read(() -> practices.findByActiveHash(older)).orElseThrow().hash())
                .isEqualTo(newer);
        assertThat(read(() -> practices.findByActiveHash(newer)).orElseThrow().id())
                .isEqualTo(h.practiceId().toString());
        assertThat(read(() -> households.find(h.id())).orElseThrow().practiceHash())
                .isEqualTo(newer);
    }

    @Test
    void aHouseholdWithoutChargesOwesNothing() throws SQLException {
        Fixtures.Household h;
        try (Connection c = app.connect()) {
            h = Fixtures.household(c, "Empty", List.of());
        }
        HouseholdView view = read(() -> households.find(h.id())).orElseThrow();
        assertThat(view.balanceCents()).isZero();
        assertThat(view.creditCents()).isZero();
        assertThat(view.disputedCents()).isZero();
        assertThat(view.practiceHash()).isNull();
        assertThat(view.guarantorName()).isEqualTo("Pat Empty");
        OpenChargesView open = read(() -> charges.open(h.id()));
        assertThat(open.charges()).isEmpty();
        assertThat(open.balanceCents()).isZero();
        assertThat(open.creditCents()).isZero();
        assertThat(read(() -> households.exists(h.id()))).isTrue();
        assertThat(read(() -> households.exists(UUID.randomUUID()))).isFalse();
        assertThat(read(() -> households.find(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void chargesComeInAllocationOrderWithTheirPatientAndBalances() throws SQLException {
        Fixtures.Household h;
        try (Connection c = app.connect()) {
            h = Fixtures.household(
                    c,
                    "Order",
                    List.of(
                            new Fixtures.ChargeSpec(LocalDate.of(2026, 3, 2), 5000),
                            new Fixtures.ChargeSpec(LocalDate.of(2026, 3, 1), 700),
                            new Fixtures.ChargeSpec(LocalDate.of(2026, 3, 2), 300)));
        }
        var all = read(() -> charges.all(h.id()));
        assertThat(all)
                .extracting(ch -> ch.id())
                .containsExactly(
                        h.chargeIds().get(1).toString(),
                        h.chargeIds().get(0).toString(),
                        h.chargeIds().get(2).toString());
        assertThat(all.get(0).serviceDate()).isEqualTo("2026-03-01");
        assertThat(all.get(0).patientName()).isEqualTo("Pat Order");
        assertThat(all.get(0).providerName()).isEqualTo("Dr. Test");
        assertThat(all.get(0).locationName()).isEqualTo("Main");
        assertThat(all.get(0).paidCents()).isZero();
        assertThat(all.get(0).balanceCents()).isEqualTo(700);
        assertThat(all.get(0).disputed()).isFalse();
        assertThat(read(() -> charges.open(h.id())).balanceCents()).isEqualTo(6000);
        assertThat(read(() -> households.find(h.id())).orElseThrow().balanceCents())
                .isEqualTo(6000);
    }

    @Test
    void patientsByFirstNameAndALastNameWithApostropheHyphenAndAccentsSignsIn() throws SQLException {
        Fixtures.Household h;
        String hash = hash();
        try (Connection c = app.connect()) {
            h = Fixtures.household(c, "D’Ăngelo-Núñez", List.of());
            exec(c, "INSERT INTO practice_hashes (hash, practice_id) VALUES (?, ?)", hash, h.practiceId());
            exec(
                    c,
                    "INSERT INTO patients (id, household_id, first_name, last_name) VALUES (?, ?, 'Ann', 'Núñez')",
                    UUID.randomUUID(),
                    h.id());
        }
        assertThat(read(() -> households.lookup(hash, h.accountNumber(), "dangelo nunez")))
                .contains(h.id());
        assertThat(read(() -> households.lookup(hash, h.accountNumber(), "D'ANGELO-NUÑEZ")))
                .contains(h.id());
        assertThat(read(() -> households.lookup(hash, h.accountNumber(), "Angelo")))
                .isEmpty();
        assertThat(read(() -> households.lookup(hash, "nope", "dangelo nunez"))).isEmpty();
        HouseholdView view = read(() -> households.find(h.id())).orElseThrow();
        assertThat(view.patients())
                .extracting(HouseholdView.Patient::name)
                .containsExactly("Ann Núñez", "Pat D’Ăngelo-Núñez");
    }

    private static <T> T read(Supplier<T> body) {
        return tx.executeRead(s -> body.get());
    }

    private static String hash() {
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            b.append(HASH_ALPHABET.charAt(RANDOM.nextInt(HASH_ALPHABET.length())));
        }
        return b.toString();
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}

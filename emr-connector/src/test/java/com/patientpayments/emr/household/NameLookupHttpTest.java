package com.patientpayments.emr.household;

import static com.patientpayments.emr.support.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.emr.support.Fixtures;
import com.patientpayments.emr.support.TestApp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /households/lookup} against households stored with names from several scripts: the stored side is
 * folded by the same rule as the typed side ({@link LastNames}), at query time; and {@code POST /households/match},
 * the BFF's sign-in check, answering exactly as the look-up does with the household's id, practice and hash only.
 */
class NameLookupHttpTest {
    private static final String LOOKUP = "/api/v1/households/lookup";
    private static final String MATCH = "/api/v1/households/match";
    private static final String HASH = "QT3XM7";
    private static TestApp app;
    private static String dang;
    private static String ivanov;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start();
        try (Connection c = app.connect()) {
            Fixtures.Household a = Fixtures.household(c, "Đặng", List.of());
            Fixtures.Household b = Fixtures.household(c, "Иванов", List.of());
            for (Fixtures.Household h : List.of(a, b)) {
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO practice_hashes (hash, practice_id) VALUES (?, ?)")) {
                    ps.setString(1, h == a ? HASH : "QT3XM9");
                    ps.setObject(2, h.practiceId());
                    ps.executeUpdate();
                }
            }
            dang = a.accountNumber();
            ivanov = b.accountNumber();
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Dang|200",
                "DANG|200",
                "đặng|200",
                "Đ\u200Bặng\u00A0|200",
                "D\tang|200",
                "Danh|404",
                "Dăng Van|404"
            })
    void latinNamesFoldAtQueryTime(String typed, int status) {
        // Both the look-up and the sign-in match (what the BFF's signIn calls) apply the rule.
        for (String path : List.of(LOOKUP, MATCH)) {
            TestApp.Response r = app.post(path, json("practiceHash", HASH, "accountNumber", dang, "lastName", typed));
            assertThat(r.status()).as(path).isEqualTo(status);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"Иванов|200", "ИВАНОВ|200", "Ivanov|404", "Иванова|404"})
    void otherScriptsMatchThemselvesOnly(String typed, int status) {
        for (String path : List.of(LOOKUP, MATCH)) {
            TestApp.Response r =
                    app.post(path, json("practiceHash", "QT3XM9", "accountNumber", ivanov, "lastName", typed));
            assertThat(r.status()).as(path).isEqualTo(status);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"QT3XM7|Dang|200", "QT3XM7|Đ\u200Bặng\u00A0|200", "QT3XM7|Danh|404", "ZZ9ZZ9|Dang|404"})
    void theSignInMatchAnswersAsTheLookupDoesWithoutPatientsOrBalances(String hash, String typed, int status) {
        String body = json("practiceHash", hash, "accountNumber", dang, "lastName", typed);
        TestApp.Response lookup = app.post(LOOKUP, body);
        TestApp.Response match = app.post(MATCH, body);
        assertThat(lookup.status()).isEqualTo(status);
        assertThat(match.status()).isEqualTo(status);
        if (status == 200) {
            for (String field : List.of("id", "practiceId", "practiceHash")) {
                assertThat(match.json().get(field).asText())
                        .isNotBlank()
                        .isEqualTo(lookup.json().get(field).asText());
            }
            assertThat(match.json().has("patients")).isFalse();
            assertThat(match.json().has("balanceCents")).isFalse();
        } else {
            assertThat(match.contentType()).isEqualTo(lookup.contentType());
            for (String field : List.of("code", "status", "detail")) {
                assertThat(match.json().get(field)).isEqualTo(lookup.json().get(field));
            }
        }
    }
}

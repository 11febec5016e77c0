package com.patientpayments.emr.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.emr.support.TestApp;
import com.patientpayments.emr.support.TestAppPerClass;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /api/v1/console/funnel}: the BFF sends each second's count of a practice and step in one call, so the
 * endpoint adds {@code count} (absent: one, as before batching) to today's row, and refuses a count outside 1 to
 * {@link OperationsController#MAX_FUNNEL_COUNT} with problem JSON without touching the row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunnelCountsEndpointTest extends TestAppPerClass {
    private static final String PATH = "/api/v1/console/funnel";
    /** The demo practice Bright Smiles' landing hash (contract.md demo data). */
    private static final String HASH = "K7MX4Q";

    @Test
    void aCountIsAddedToTodaysRowAndAnAbsentCountIsOne() throws SQLException {
        long before = total("PAYMENT_STARTED");
        assertThat(app.post(PATH, TestApp.json("practiceHash", HASH, "step", "PAYMENT_STARTED", "count", 37))
                        .status())
                .isEqualTo(204);
        assertThat(total("PAYMENT_STARTED")).isEqualTo(before + 37);
        assertThat(app.post(PATH, TestApp.json("practiceHash", HASH, "step", "PAYMENT_STARTED"))
                        .status())
                .isEqualTo(204);
        assertThat(total("PAYMENT_STARTED")).isEqualTo(before + 38);
        assertThat(app.post(
                                PATH,
                                TestApp.json(
                                        "practiceHash",
                                        HASH,
                                        "step",
                                        "PAYMENT_STARTED",
                                        "count",
                                        OperationsController.MAX_FUNNEL_COUNT))
                        .status())
                .isEqualTo(204);
        assertThat(total("PAYMENT_STARTED")).isEqualTo(before + 38 + OperationsController.MAX_FUNNEL_COUNT);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -1_000_000, OperationsController.MAX_FUNNEL_COUNT + 1, Long.MAX_VALUE})
    void aCountOutsideTheRangeIsRefusedAndCountsNothing(long count) throws SQLException {
        long before = total("LANDING");
        TestApp.Response r = app.post(PATH, TestApp.json("practiceHash", HASH, "step", "LANDING", "count", count));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().get("detail").asText()).contains("count");
        assertThat(total("LANDING")).isEqualTo(before);
    }

    @Test
    void anUnknownPracticeHashIsIgnored() throws SQLException {
        long before = total("SIGNED_IN");
        assertThat(app.post(PATH, TestApp.json("practiceHash", "ZZZZZZ", "step", "SIGNED_IN", "count", 5))
                        .status())
                .isEqualTo(204);
        assertThat(total("SIGNED_IN")).isEqualTo(before);
    }

    /** All days' count of a step, over every practice. */
    private long total(String step) throws SQLException {
        try (Connection c = app.connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT COALESCE(SUM(count), 0) FROM funnel_daily WHERE step = ?")) {
            s.setString(1, step);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

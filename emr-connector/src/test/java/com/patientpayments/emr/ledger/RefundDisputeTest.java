package com.patientpayments.emr.ledger;

import static com.patientpayments.emr.support.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.emr.support.Fixtures;
import com.patientpayments.emr.support.TestApp;
import com.patientpayments.emr.support.TestAppPerClass;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Refunds and disputes reverse and re-apply exactly; repeating any of them changes nothing. */
class RefundDisputeTest extends TestAppPerClass {
    private static final LocalDate D = LocalDate.of(2026, 4, 1);

    @Test
    void refundsTakeCreditFirstThenNewestApplicationsAndAreIdempotent() throws Exception {
        Fixtures.Household h =
                household(new Fixtures.ChargeSpec(D, 5000), new Fixtures.ChargeSpec(D.plusDays(1), 3000));
        UUID a = h.chargeIds().get(0);
        UUID b = h.chargeIds().get(1);
        String tx = app.pay(h.id(), 9000, "pi_refund_1").json().get("id").asText();
        assertThat(credit(h.id())).isEqualTo(1000);

        TestApp.Response partial = refund(tx, "re_1", 1500);
        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.json().get("creditReversedCents").asLong()).isEqualTo(1000);
        assertThat(partial.json().get("reversals")).hasSize(1);
        assertThat(partial.json().get("reversals").get(0).get("chargeId").asText())
                .isEqualTo(b.toString());
        assertThat(partial.json().get("reversals").get(0).get("amountCents").asLong())
                .isEqualTo(500);
        assertThat(balance(a)).isZero();
        assertThat(balance(b)).isEqualTo(500);
        assertThat(credit(h.id())).isZero();
        JsonNode txNow = app.get("/api/v1/transactions/" + tx).json();
        assertThat(txNow.get("status").asText()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(txNow.get("refundedCents").asLong()).isEqualTo(1500);

        long rows = ledgerRows();
        TestApp.Response repeat = refund(tx, "re_1", 1500);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(partial.json());
        assertThat(ledgerRows()).isEqualTo(rows);

        TestApp.Response rest = refund(tx, "re_3", 7500);
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.json().get("reversals").get(0).get("chargeId").asText()).isEqualTo(b.toString());
        assertThat(balance(a)).isEqualTo(5000);
        assertThat(balance(b)).isEqualTo(3000);
        assertThat(app.get("/api/v1/transactions/" + tx).json().get("status").asText())
                .isEqualTo("REFUNDED");

        // A refund beyond what is left can only be a provider report whose earlier refund's failure is not here yet:
        // it is recorded, takes nothing more, and takes its share once the earlier refund fails.
        rows = ledgerRows();
        TestApp.Response over = refund(tx, "re_2", 1000);
        assertThat(over.status()).isEqualTo(201);
        assertThat(over.json().get("reversals")).isEmpty();
        assertThat(balance(a) + balance(b)).isEqualTo(8000);
        TestApp.Response failed = app.post(
                "/api/v1/transactions/" + tx + "/refunds",
                json("refundId", "re_1", "amountCents", 1500, "status", "failed"));
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().get("status").asText()).isEqualTo("failed");
        assertThat(failed.json().get("reversals")).isEmpty();
        JsonNode afterFail = app.get("/api/v1/transactions/" + tx).json();
        assertThat(afterFail.get("refundedCents").asLong()).isEqualTo(8500);
        assertThat(afterFail.get("status").asText()).isEqualTo("PARTIALLY_REFUNDED");
        // 9000 paid, 8500 refunded: the 500 still held is the oldest money (charge a), whatever the order of reports
        assertThat(balance(a)).isEqualTo(4500);
        assertThat(balance(b)).isEqualTo(3000);
        assertThat(credit(h.id())).isZero();
        assertThat(refund(tx, "re_4", 9001).status())
                .as("larger than the payment")
                .isEqualTo(409);

        String otherTx = app.pay(h.id(), 100, "pi_refund_2").json().get("id").asText();
        assertThat(refund(otherTx, "re_1", 100).status())
                .as("a refund id belongs to one transaction")
                .isEqualTo(409);
        JsonNode receipt = app.get("/api/v1/transactions/" + tx + "/receipt").json();
        assertThat(receipt.get("adjustments"))
                .as("the failed refund is not listed")
                .hasSize(2);
        assertThat(receipt.get("adjustments").get(0).get("kind").asText()).isEqualTo("REFUND");
    }

    @Test
    void disputeOpenedReversesAndFlagsThenWonReapplies() throws Exception {
        Fixtures.Household h =
                household(new Fixtures.ChargeSpec(D, 4000), new Fixtures.ChargeSpec(D.plusDays(2), 6000));
        UUID older = h.chargeIds().get(0);
        UUID newer = h.chargeIds().get(1);
        String tx = app.pay(h.id(), 10_000, "pi_dispute_won").json().get("id").asText();

        TestApp.Response opened = dispute(tx, "dp_1", 6000, "OPENED");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().get("reversals").get(0).get("chargeId").asText())
                .isEqualTo(newer.toString());
        assertThat(balance(newer)).isEqualTo(6000);
        assertThat(balance(older)).isZero();
        JsonNode charges = app.get("/api/v1/households/" + h.id() + "/charges").json();
        assertThat(charges.get("charges")).hasSize(1);
        assertThat(charges.get("charges").get(0).get("disputed").asBoolean()).isTrue();
        assertThat(charges.get("charges").get(0).get("status").asText()).isEqualTo("DISPUTED");
        assertThat(charges.get("balanceCents").asLong())
                .as("disputed charges are not payable")
                .isZero();
        assertThat(charges.get("disputedCents").asLong()).isEqualTo(6000);
        assertThat(app.get("/api/v1/transactions/" + tx).json().get("status").asText())
                .isEqualTo("DISPUTED");

        long rows = ledgerRows();
        assertThat(dispute(tx, "dp_1", 6000, "OPENED").json()).isEqualTo(opened.json());
        assertThat(ledgerRows()).isEqualTo(rows);

        // a new payment meanwhile does not touch the disputed charge
        JsonNode meanwhile = app.pay(h.id(), 1000, "pi_dispute_meanwhile").json();
        assertThat(meanwhile.get("creditCents").asLong()).isEqualTo(1000);

        TestApp.Response won = dispute(tx, "dp_1", 6000, "WON");
        assertThat(won.status()).isEqualTo(200);
        assertThat(won.json().get("reapplied").get(0).get("amountCents").asLong())
                .isEqualTo(6000);
        assertThat(balance(newer)).isZero();
        JsonNode after = app.get("/api/v1/households/" + h.id() + "/charges").json();
        assertThat(after.get("charges")).isEmpty();
        assertThat(after.get("disputedCents").asLong()).isZero();
        assertThat(app.get("/api/v1/transactions/" + tx).json().get("status").asText())
                .isEqualTo("SUCCEEDED");

        rows = ledgerRows();
        assertThat(dispute(tx, "dp_1", 6000, "WON").status()).isEqualTo(200);
        assertThat(dispute(tx, "dp_1", 6000, "OPENED").json())
                .as("stale: closed stays closed")
                .isEqualTo(won.json());
        assertThat(dispute(tx, "dp_1", 6000, "LOST").json())
                .as("a second outcome is ignored")
                .isEqualTo(won.json());
        assertThat(ledgerRows()).isEqualTo(rows);
    }

    @Test
    void aDisputeTakesTheCreditFirstAndItsViewSaysWhatItTakes() throws Exception {
        Fixtures.Household h = household(new Fixtures.ChargeSpec(D, 4000));
        UUID charge = h.chargeIds().get(0);
        String tx = app.pay(h.id(), 5000, "pi_dispute_credit").json().get("id").asText();
        assertThat(credit(h.id())).isEqualTo(1000);

        JsonNode opened = dispute(tx, "dp_credit", 1500, "OPENED").json();
        assertThat(opened.get("creditReversedCents").asLong()).isEqualTo(1000);
        assertThat(opened.get("reversals")).hasSize(1);
        assertThat(opened.get("reversals").get(0).get("chargeId").asText()).isEqualTo(charge.toString());
        assertThat(opened.get("reversals").get(0).get("amountCents").asLong()).isEqualTo(500);
        assertThat(opened.get("reapplied")).isEmpty();
        assertThat(balance(charge)).isEqualTo(500);
        assertThat(credit(h.id())).isZero();
    }

    @Test
    void lostDisputeStaysReversedAndClearsTheFlag() throws Exception {
        Fixtures.Household h = household(new Fixtures.ChargeSpec(D, 2500), new Fixtures.ChargeSpec(D, 2500));
        String tx = app.pay(h.id(), 5000, "pi_dispute_lost").json().get("id").asText();
        assertThat(dispute(tx, "dp_2", 5000, "OPENED").status()).isEqualTo(200);
        assertThat(app.get("/api/v1/households/" + h.id())
                        .json()
                        .get("disputedCents")
                        .asLong())
                .isEqualTo(5000);

        TestApp.Response lost = dispute(tx, "dp_2", 5000, "LOST");
        assertThat(lost.status()).isEqualTo(200);
        long rows = ledgerRows();
        assertThat(dispute(tx, "dp_2", 5000, "LOST").json()).isEqualTo(lost.json());
        assertThat(ledgerRows()).isEqualTo(rows);

        JsonNode charges = app.get("/api/v1/households/" + h.id() + "/charges").json();
        assertThat(charges.get("balanceCents").asLong())
                .as("the patient owes the charges again")
                .isEqualTo(5000);
        assertThat(charges.get("disputedCents").asLong()).isZero();
        charges.get("charges").forEach(c -> assertThat(c.get("status").asText()).isEqualTo("OPEN"));
        assertThat(app.get("/api/v1/transactions/" + tx).json().get("status").asText())
                .isEqualTo("DISPUTE_LOST");
        // A refund report after the loss (the provider would not allow one): the payment holds nothing, so the
        // patient's balance does not move, whichever claim the money is attributed to.
        assertThat(refund(tx, "re_after_lost", 1).status()).isEqualTo(201);
        assertThat(charges(h.id()).get("balanceCents").asLong()).isEqualTo(5000);
        assertThat(app.get("/api/v1/transactions/" + tx).json().get("status").asText())
                .isEqualTo("DISPUTE_LOST");
    }

    @Test
    void demoHouseholdsShowTheirHistory() {
        JsonNode obrien = app.post(
                        "/api/v1/households/lookup",
                        json("practiceHash", "K7MX4Q", "accountNumber", "100235", "lastName", "O'Brien"))
                .json();
        JsonNode charges = app.get("/api/v1/households/" + obrien.get("id").asText() + "/charges")
                .json();
        List<String> statuses = new java.util.ArrayList<>();
        charges.get("charges").forEach(c -> statuses.add(c.get("status").asText()));
        assertThat(statuses).containsExactly("DISPUTED", "PARTIALLY_PAID", "OPEN");
        JsonNode chen = app.post(
                        "/api/v1/households/lookup",
                        json("practiceHash", "K7MX4Q", "accountNumber", "100236", "lastName", "chen"))
                .json();
        assertThat(chen.get("balanceCents").asLong()).isZero();
        JsonNode nguyen = app.post(
                        "/api/v1/households/lookup",
                        json("practiceHash", "HR9T3W", "accountNumber", "200100", "lastName", "nguyen smith"))
                .json();
        assertThat(nguyen.get("patients")).hasSize(2);
        assertThat(nguyen.get("balanceCents").asLong()).isPositive();
    }

    static JsonNode charges(UUID householdId) {
        return app.get("/api/v1/households/" + householdId + "/charges").json();
    }

    static TestApp.Response refund(String tx, String refundId, long cents) {
        return app.post(
                "/api/v1/transactions/" + tx + "/refunds",
                json("refundId", refundId, "amountCents", cents, "eventId", "evt_" + refundId + "_" + cents));
    }

    static TestApp.Response dispute(String tx, String disputeId, long cents, String status) {
        return app.post(
                "/api/v1/transactions/" + tx + "/disputes",
                json("disputeId", disputeId, "amountCents", cents, "status", status));
    }

    static Fixtures.Household household(Fixtures.ChargeSpec... charges) throws SQLException {
        try (Connection c = app.connect()) {
            return Fixtures.household(c, "Test", List.of(charges));
        }
    }

    static long balance(UUID chargeId) throws SQLException {
        return LedgerHttpTestAccess.value(
                app,
                "SELECT c.amount_cents - COALESCE((SELECT SUM(a.amount_cents)"
                        + " FROM payment_applications a WHERE a.charge_id = c.id), 0) FROM charges c WHERE c.id = '"
                        + chargeId + "'");
    }

    static long credit(UUID householdId) throws SQLException {
        return LedgerHttpTestAccess.value(
                app,
                "SELECT COALESCE(SUM(amount_cents), 0) FROM household_credit_entries" + " WHERE household_id = '"
                        + householdId + "'");
    }

    static long ledgerRows() throws SQLException {
        return LedgerHttpTestAccess.value(
                app,
                "SELECT (SELECT count(*) FROM payment_applications)"
                        + " + (SELECT count(*) FROM household_credit_entries) + (SELECT count(*) FROM refunds)"
                        + " + (SELECT count(*) FROM disputes) + (SELECT count(*) FROM dispute_states)");
    }

    /** One number from SQL on the test database. */
    static final class LedgerHttpTestAccess {
        static long value(TestApp app, String sql) throws SQLException {
            try (Connection c = app.connect();
                    ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

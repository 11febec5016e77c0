package com.patientpayments.emr.ledger;

import static com.patientpayments.emr.support.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.emr.support.Fixtures;
import com.patientpayments.emr.support.TestAppPerClass;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code ReceiptData.balanceAfterCents}: the household's balance right after a payment was posted. Property over
 * generated histories (payments of random amounts incl. overpayments, refunds, disputes opened, won and lost, in
 * random order): every receipt reports exactly the {@code balanceCents} the household had when that payment was
 * posted — and keeps reporting it after everything that happened later.
 */
class BalanceAfterTest extends TestAppPerClass {
    private static final LocalDate D = LocalDate.of(2026, 4, 1);

    @Test
    void everyReceiptKeepsTheBalanceSeenRightAfterItsPosting() throws Exception {
        Random random = new Random(12);
        for (int history = 0; history < 12; history++) {
            List<Fixtures.ChargeSpec> charges = new ArrayList<>();
            int count = 2 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                charges.add(new Fixtures.ChargeSpec(D.plusDays(random.nextInt(4)), 1_000 + random.nextInt(20_000)));
            }
            Fixtures.Household h;
            try (Connection c = app.connect()) {
                h = Fixtures.household(c, "Balance" + history, charges);
            }
            Map<String, Long> seen = new LinkedHashMap<>();
            List<String> txs = new ArrayList<>();
            List<String> openDisputes = new ArrayList<>();
            for (int step = 0; step < 8; step++) {
                int op = random.nextInt(10);
                if (op < 5 || txs.isEmpty()) {
                    long balance = balance(h);
                    long amount = balance > 0 && random.nextInt(4) > 0
                            ? 1 + random.nextInt((int) balance + 500)
                            : 100 + random.nextInt(3_000);
                    String tx = app.pay(h.id(), amount, "pi_bal_" + history + "_" + step)
                            .json()
                            .get("id")
                            .asText();
                    txs.add(tx);
                    seen.put(tx, balance(h));
                } else if (op < 7) {
                    String tx = txs.get(random.nextInt(txs.size()));
                    String id = "dp_bal_" + history + "_" + step;
                    if (dispute(tx, id, 1 + random.nextInt(2_000), "OPENED") == 200) {
                        openDisputes.add(tx + "|" + id);
                    }
                } else if (op < 9 && !openDisputes.isEmpty()) {
                    String[] d = openDisputes
                            .remove(random.nextInt(openDisputes.size()))
                            .split("\\|");
                    dispute(d[0], d[1], 1, random.nextBoolean() ? "WON" : "LOST");
                } else {
                    String tx = txs.get(random.nextInt(txs.size()));
                    app.post(
                            "/api/v1/transactions/" + tx + "/refunds",
                            json(
                                    "refundId",
                                    "re_bal_" + history + "_" + step,
                                    "amountCents",
                                    1 + random.nextInt(1_500)));
                }
            }
            for (Map.Entry<String, Long> e : seen.entrySet()) {
                JsonNode receipt = app.get("/api/v1/transactions/" + e.getKey() + "/receipt")
                        .json();
                assertThat(receipt.get("balanceAfterCents").asLong())
                        .as("history %d, tx %s", history, e.getKey())
                        .isEqualTo(e.getValue());
            }
        }
    }

    private static long balance(Fixtures.Household h) {
        return app.get("/api/v1/households/" + h.id())
                .json()
                .get("balanceCents")
                .asLong();
    }

    private static int dispute(String tx, String disputeId, long cents, String status) {
        return app.post(
                        "/api/v1/transactions/" + tx + "/disputes",
                        json("disputeId", disputeId, "amountCents", cents, "status", status))
                .status();
    }
}

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Posting through the HTTP API against a real database: allocation, idempotency, concurrency, attempts. */
class LedgerHttpTest extends TestAppPerClass {
    private static final LocalDate D = LocalDate.of(2026, 5, 1);

    @Test
    void postingIsIdempotentByProviderReference() throws Exception {
        Fixtures.Household h = household(new Fixtures.ChargeSpec(D, 5000), new Fixtures.ChargeSpec(D, 3000));
        TestApp.Response first = app.pay(h.id(), 6000, "pi_idem_1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("source").asText()).isEqualTo("ONLINE_PATIENT_PAYMENT");
        assertThat(first.json().get("appliedCents").asLong()).isEqualTo(6000);
        TestApp.Response again = app.postTransaction("pi_idem_1", 6000);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(again.json().get("allocations")).isEqualTo(first.json().get("allocations"));
        assertThat(count("SELECT count(*) FROM transactions WHERE provider_reference = 'pi_idem_1'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM payment_applications a JOIN transactions t ON t.id = a.transaction_id"
                        + " WHERE t.provider_reference = 'pi_idem_1'"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM processed_provider_events WHERE event_id = 'evt_pi_idem_1'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE transaction_id = '"
                        + first.json().get("id").asText() + "'"))
                .isEqualTo(3);

        JsonNode attempt =
                app.get("/api/v1/payment-attempts/by-intent/pi_idem_1").json();
        assertThat(attempt.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(attempt.get("transactionId")).isEqualTo(first.json().get("id"));
        // API.md: timestamps are ISO-8601 instant strings (as Instant.toString writes them), not epoch numbers.
        for (String field : List.of("createdAt", "updatedAt")) {
            assertThat(attempt.get(field).isTextual()).as(field).isTrue();
            String text = attempt.get(field).asText();
            assertThat(Instant.parse(text).toString()).as(field).isEqualTo(text);
        }
        TestApp.Response lateFailure = app.post(
                "/api/v1/payment-attempts/" + attempt.get("id").asText() + "/failure",
                json("eventId", "evt_late", "failureCode", "card_declined", "failureMessage", "x"));
        assertThat(lateFailure.status()).isEqualTo(200);
        assertThat(lateFailure.json().get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(app.get("/api/v1/transactions/by-reference/pi_idem_1").json().get("id"))
                .isEqualTo(first.json().get("id"));
    }

    @Test
    void samePaymentFromEightThreadsPostsOnce() throws Exception {
        Fixtures.Household h =
                household(new Fixtures.ChargeSpec(D, 5000), new Fixtures.ChargeSpec(D.plusDays(1), 5000));
        String attempt = app.post(
                        "/api/v1/payment-attempts",
                        json("householdId", h.id().toString(), "amountCents", 7000, "idempotencyKey", "k-race"))
                .json()
                .get("id")
                .asText();
        app.put("/api/v1/payment-attempts/" + attempt + "/intent", json("providerIntentId", "pi_race"));
        List<TestApp.Response> responses = concurrently(8, i -> app.postTransaction("pi_race", 7000));
        assertThat(responses).extracting(TestApp.Response::status).containsOnly(200, 201);
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(responses.stream().map(r -> r.json().get("id").asText()).distinct())
                .hasSize(1);
        assertThat(count("SELECT count(*) FROM transactions WHERE provider_reference = 'pi_race'"))
                .isEqualTo(1);
        assertThat(count("SELECT COALESCE(SUM(amount_cents), 0) FROM payment_applications WHERE charge_id IN ('"
                        + h.chargeIds().get(0) + "', '" + h.chargeIds().get(1) + "')"))
                .isEqualTo(7000);
    }

    @Test
    void concurrentPaymentsOnOneHouseholdNeverOverApply() throws Exception {
        for (int round = 0; round < 4; round++) {
            Fixtures.Household h = household(new Fixtures.ChargeSpec(D, 4000), new Fixtures.ChargeSpec(D, 6000));
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String ref = "pi_conc_" + round + "_" + i;
                refs.add(ref);
                String a = app.post(
                                "/api/v1/payment-attempts",
                                json("householdId", h.id().toString(), "amountCents", 3500, "idempotencyKey", ref))
                        .json()
                        .get("id")
                        .asText();
                app.put("/api/v1/payment-attempts/" + a + "/intent", json("providerIntentId", ref));
            }
            List<TestApp.Response> posted = concurrently(4, i -> app.postTransaction(refs.get(i), 3500));
            assertThat(posted).extracting(TestApp.Response::status).containsOnly(201);
            for (UUID charge : h.chargeIds()) {
                assertThat(balance(charge)).as("never below zero").isZero();
            }
            assertThat(count("SELECT COALESCE(SUM(amount_cents), 0) FROM household_credit_entries"
                            + " WHERE household_id = '" + h.id() + "'"))
                    .isEqualTo(4 * 3500 - 10_000);
            long applied = posted.stream()
                    .mapToLong(r -> r.json().get("appliedCents").asLong())
                    .sum();
            long credit = posted.stream()
                    .mapToLong(r -> r.json().get("creditCents").asLong())
                    .sum();
            assertThat(applied).isEqualTo(10_000);
            assertThat(applied + credit).isEqualTo(4 * 3500);
        }
    }

    @Test
    void databaseAllocationMatchesTheRuleOverGeneratedHouseholds() throws Exception {
        Random random = new Random(42);
        for (int n = 0; n < 25; n++) {
            List<Fixtures.ChargeSpec> specs = new ArrayList<>();
            int charges = 1 + random.nextInt(7);
            for (int i = 0; i < charges; i++) {
                // dates out of entry order and with ties: entry order must only break same-date ties
                specs.add(new Fixtures.ChargeSpec(D.plusDays(random.nextInt(3)), 100 + random.nextInt(20_000)));
            }
            Fixtures.Household h = household(specs.toArray(new Fixtures.ChargeSpec[0]));
            List<Allocator.OpenCharge> model = new ArrayList<>();
            for (int i = 0; i < charges; i++) {
                model.add(new Allocator.OpenCharge(
                        h.chargeIds().get(i),
                        specs.get(i).serviceDate(),
                        i,
                        Money.ofCents(specs.get(i).amountCents())));
            }
            JsonNode open = app.get("/api/v1/households/" + h.id() + "/charges").json();
            List<String> expectedOrder = model.stream()
                    .sorted(Allocator.ORDER)
                    .map(c -> c.chargeId().toString())
                    .toList();
            List<String> actualOrder = new ArrayList<>();
            open.get("charges").forEach(c -> actualOrder.add(c.get("id").asText()));
            assertThat(actualOrder).as("open charges come in allocation order").isEqualTo(expectedOrder);

            long total =
                    specs.stream().mapToLong(Fixtures.ChargeSpec::amountCents).sum();
            long amount = 1 + random.nextInt((int) total + 5_000);
            Allocator.Allocation expected = Allocator.allocate(model, Money.ofCents(amount));
            JsonNode tx = app.pay(h.id(), amount, "pi_gen_" + n).json();

            assertThat(tx.get("appliedCents").asLong() + tx.get("creditCents").asLong())
                    .isEqualTo(amount);
            assertThat(tx.get("creditCents").asLong())
                    .isEqualTo(expected.credit().cents());
            List<String> lines = new ArrayList<>();
            tx.get("allocations")
                    .forEach(a -> lines.add(a.get("chargeId").asText() + ":"
                            + a.get("appliedCents").asLong() + ":"
                            + a.get("chargeBalanceAfterCents").asLong()));
            assertThat(lines)
                    .isEqualTo(expected.lines().stream()
                            .map(l -> l.chargeId() + ":" + l.applied().cents() + ":"
                                    + l.balanceAfter().cents())
                            .toList());
            for (int i = 0; i < charges; i++) {
                long balance = balance(h.chargeIds().get(i));
                assertThat(balance).isBetween(0L, specs.get(i).amountCents());
            }
            JsonNode after = app.get("/api/v1/households/" + h.id()).json();
            assertThat(after.get("balanceCents").asLong()).isEqualTo(Math.max(0, total - amount));
            assertThat(after.get("creditCents").asLong())
                    .isEqualTo(expected.credit().cents());
        }
    }

    @Test
    void attemptsAreIdempotentPerHouseholdAndKey() {
        Fixtures.Household h = householdUnchecked(new Fixtures.ChargeSpec(D, 5000));
        String body = json("householdId", h.id().toString(), "amountCents", 2500, "idempotencyKey", "dbl-click");
        TestApp.Response created = app.post("/api/v1/payment-attempts", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("CREATED");
        TestApp.Response again = app.post("/api/v1/payment-attempts", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id")).isEqualTo(created.json().get("id"));
        assertThat(app.post(
                                "/api/v1/payment-attempts",
                                json(
                                        "householdId",
                                        h.id().toString(),
                                        "amountCents",
                                        2600,
                                        "idempotencyKey",
                                        "dbl-click"))
                        .status())
                .isEqualTo(409);

        String id = created.json().get("id").asText();
        TestApp.Response intent =
                app.put("/api/v1/payment-attempts/" + id + "/intent", json("providerIntentId", "pi_att_1"));
        assertThat(intent.json().get("status").asText()).isEqualTo("PROCESSING");
        assertThat(app.put("/api/v1/payment-attempts/" + id + "/intent", json("providerIntentId", "pi_att_1"))
                        .status())
                .isEqualTo(200);
        assertThat(app.put("/api/v1/payment-attempts/" + id + "/intent", json("providerIntentId", "pi_att_2"))
                        .status())
                .isEqualTo(409);
        String other = app.post(
                        "/api/v1/payment-attempts",
                        json("householdId", h.id().toString(), "amountCents", 100, "idempotencyKey", "other"))
                .json()
                .get("id")
                .asText();
        TestApp.Response stolen =
                app.put("/api/v1/payment-attempts/" + other + "/intent", json("providerIntentId", "pi_att_1"));
        assertThat(stolen.status()).isEqualTo(409);
        assertThat(stolen.json().get("code").asText()).isEqualTo("CONFLICT");

        TestApp.Response failed = app.post(
                "/api/v1/payment-attempts/" + id + "/failure",
                json("eventId", "evt_f1", "failureCode", "card_declined", "failureMessage", "Your card was declined."));
        assertThat(failed.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.json().get("failureCode").asText()).isEqualTo("card_declined");
        // the patient retries on the same intent and it succeeds: the payment is recorded
        assertThat(app.postTransaction("pi_att_1", 2500).status()).isEqualTo(201);
        assertThat(app.get("/api/v1/payment-attempts/" + id)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void receiptGroupsByPatientThenDateAndListsByWindow() {
        String garcia = app.post(
                        "/api/v1/households/lookup",
                        json("practiceHash", "K7MX4Q", "accountNumber", "100234", "lastName", "Garcia"))
                .json()
                .get("id")
                .asText();
        JsonNode tx =
                app.pay(UUID.fromString(garcia), 68_100 + 500, "pi_receipt").json();
        assertThat(tx.get("creditCents").asLong()).isEqualTo(500);
        JsonNode receipt = app.get("/api/v1/transactions/" + tx.get("id").asText() + "/receipt")
                .json();
        assertThat(receipt.get("guarantorName").asText()).isEqualTo("Maria García");
        assertThat(receipt.get("practice").get("hash").asText()).isEqualTo("K7MX4Q");
        List<String> order = new ArrayList<>();
        receipt.get("lines")
                .forEach(l -> order.add(l.get("patientName").asText() + " "
                        + l.get("serviceDate").asText()));
        assertThat(order)
                .containsExactly(
                        "Lucas García 2026-09-15",
                        "Lucas García 2026-09-15",
                        "Maria García 2026-08-04",
                        "Maria García 2026-08-04",
                        "Maria García 2026-08-04",
                        "Sofia García 2026-10-20",
                        "Sofia García 2026-10-20");
        receipt.get("lines").forEach(l -> {
            assertThat(l.get("remainingCents").asLong()).isZero();
            assertThat(l.get("procedureName").asText()).doesNotStartWith("D");
        });
        JsonNode window = app.get("/api/v1/transactions?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z")
                .json();
        List<String> refs = new ArrayList<>();
        window.forEach(t -> refs.add(t.get("providerReference").asText()));
        assertThat(refs).contains("pi_receipt");
        assertThat(window.get(0).has("allocations")).isFalse();
    }

    @Test
    void ledgerHistoryCannotBeRewritten() throws Exception {
        Fixtures.Household h = household(new Fixtures.ChargeSpec(D, 1000));
        app.pay(h.id(), 1500, "pi_append_only");
        for (String sql : List.of(
                "UPDATE payment_applications SET amount_cents = 1",
                "DELETE FROM payment_applications",
                "UPDATE household_credit_entries SET amount_cents = 1",
                "DELETE FROM audit_log")) {
            try (Connection c = app.connect()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> c.createStatement().executeUpdate(sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(count("SELECT count(*) FROM audit_log a JOIN transactions t ON t.id = a.transaction_id"
                        + " WHERE t.provider_reference = 'pi_append_only' AND a.action IN ('TRANSACTION_POSTED',"
                        + " 'PAYMENT_APPLIED', 'CREDIT_ADDED')"))
                .isEqualTo(3);
    }

    static Fixtures.Household household(Fixtures.ChargeSpec... charges) throws SQLException {
        try (Connection c = app.connect()) {
            return Fixtures.household(c, "Test", List.of(charges));
        }
    }

    static Fixtures.Household householdUnchecked(Fixtures.ChargeSpec... charges) {
        try {
            return household(charges);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long balance(UUID chargeId) throws SQLException {
        return count("SELECT c.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM payment_applications a"
                + " WHERE a.charge_id = c.id), 0) FROM charges c WHERE c.id = '" + chargeId + "'");
    }

    static long count(String sql) throws SQLException {
        try (Connection c = app.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    interface Call {
        TestApp.Response run(int index);
    }

    static List<TestApp.Response> concurrently(int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TestApp.Response>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.run(index);
                }));
            }
            go.countDown();
            List<TestApp.Response> out = new ArrayList<>();
            for (Future<TestApp.Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

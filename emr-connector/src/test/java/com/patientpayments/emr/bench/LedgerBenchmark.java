package com.patientpayments.emr.bench;

import static com.patientpayments.emr.support.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.emr.support.Fixtures;
import com.patientpayments.emr.support.TestApp;
import com.patientpayments.floor.Floors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ledger posting beside its floor, in interleaved rounds ({@link Floors}): 8 clients post succeeded payments through
 * the HTTP API ({@code POST /api/v1/transactions}: validation, household lock, oldest-first allocation, rows, JSON),
 * and 8 clients write the same rows with a bare JDBC transaction in the same PostgreSQL — lock the household, insert
 * the transaction, its N payment applications (and credit), the processed event and 1 + N audit rows, mark the attempt
 * SUCCEEDED, commit. Product and floor work on two sets of households with identical charges and identical amounts
 * (same random seeds); attempts and intents are created first and not timed. Prints p50/p95 and transactions/s per
 * round and the median ratios (goal: p95 ≤ 2× the floor). Asserts correctness only, never a time.
 * {@code BENCH_QUICK=1}: short rounds. Run: {@code ./mvnw -q -pl emr-connector verify -Pbench -Dtest=LedgerBenchmark}
 */
@Tag("bench")
class LedgerBenchmark {
    private static final int HOUSEHOLDS = 100;
    private static final int THREADS = 8;
    /** Postings per side and round. */
    private static final int PER_ROUND = Floors.QUICK ? 100 : 250;

    private static final int WARMUP = 200;
    /**
     * Product postings on households of their own before anything else, not counted: 200 postings leave most of the
     * request path (Netty, Micronaut, pgjdbc, Jackson) in interpreted or C1 code.
     */
    private static final int JIT_WARMUP = Floors.QUICK ? 300 : 1_500;

    /** One planned posting: the attempt it pays, and (for the floor) the rows the allocation writes. */
    record Planned(
            String reference,
            long cents,
            Fixtures.Household household,
            UUID attemptId,
            List<Line> lines,
            long credit) {}

    /** An application row: charge, applied cents, balance after. */
    record Line(UUID chargeId, long applied, long balanceAfter) {}

    @Test
    void postTransactions() throws Exception {
        try (TestApp app = TestApp.start(Map.of("logger.levels.access", "WARN"))) {
            int rounds = Floors.rounds(5);
            int count = WARMUP + rounds * PER_ROUND;
            // Identical households (charges) and amounts for product and floor: the same seeds.
            List<Planned> product =
                    plan(app, new Random(1), households(app, new Random(1), HOUSEHOLDS, "Bench"), count, "pi_bench_");
            List<Planned> floor =
                    plan(app, new Random(1), households(app, new Random(1), HOUSEHOLDS, "Floor"), count, "pi_floor_");
            Random jitRandom = new Random(2);
            List<Planned> jit =
                    plan(app, jitRandom, households(app, jitRandom, HOUSEHOLDS, "Warm"), JIT_WARMUP, "pi_jit_");

            for (int i = 0; i < THREADS; i++) {
                Connection c = app.connect();
                c.setAutoCommit(false);
                CONNECTIONS.add(c);
            }
            run(jit, THREADS, p -> viaApi(app, p));
            run(product.subList(0, WARMUP), THREADS, p -> viaApi(app, p));
            run(floor.subList(0, WARMUP), THREADS, p -> viaJdbc(p));
            System.out.printf(
                    "%nBENCH ledger: %d clients, %d postings per side and round, %d households per side; "
                            + "warm-up %d API postings on other households + %d per side, not counted%n",
                    THREADS, PER_ROUND, HOUSEHOLDS, JIT_WARMUP, WARMUP);
            Floors p50 = new Floors("ledger posting p50", "ms", "(latency)");
            Floors p95 = new Floors("ledger posting p95", "ms", "≤ 2×");
            Floors rate = new Floors("ledger posting throughput", "tx/s", "(≥ 0.5× with p95 ≤ 2×)");
            for (int r = 0; r < rounds; r++) {
                int from = WARMUP + r * PER_ROUND;
                long t0 = System.nanoTime();
                long[] f = run(floor.subList(from, from + PER_ROUND), THREADS, p -> viaJdbc(p));
                double fs = (System.nanoTime() - t0) / 1e9;
                p50.floor("bare JDBC", ms(f, 0.50));
                p95.floor("bare JDBC", ms(f, 0.95));
                rate.floor("bare JDBC", PER_ROUND / fs);
                long t1 = System.nanoTime();
                long[] p = run(product.subList(from, from + PER_ROUND), THREADS, x -> viaApi(app, x));
                double ps = (System.nanoTime() - t1) / 1e9;
                p50.product(ms(p, 0.50));
                p95.product(ms(p, 0.95));
                rate.product(PER_ROUND / ps);
            }
            p50.summary();
            p95.summary();
            rate.summary();
            for (Connection c : CONNECTIONS) {
                c.close();
            }

            try (Connection c = app.connect();
                    var rs = c.createStatement()
                            .executeQuery(
                                    "SELECT (SELECT count(*) FROM transactions WHERE provider_reference LIKE 'pi_bench_%'),"
                                            + " (SELECT count(*) FROM transactions WHERE provider_reference LIKE 'pi_floor_%'),"
                                            + " (SELECT count(*) FROM payment_applications a JOIN transactions t ON t.id ="
                                            + " a.transaction_id WHERE t.provider_reference LIKE 'pi_bench_%'),"
                                            + " (SELECT count(*) FROM payment_applications a JOIN transactions t ON t.id ="
                                            + " a.transaction_id WHERE t.provider_reference LIKE 'pi_floor_%')")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(count);
                assertThat(rs.getLong(2)).isEqualTo(count);
                // The floor wrote the rows the product wrote: same households, amounts, oldest-first allocation.
                assertThat(rs.getLong(4)).isEqualTo(rs.getLong(3));
            }
        }
    }

    private interface Posting {
        void post(Planned p) throws Exception;
    }

    private static void viaApi(TestApp app, Planned p) {
        int status = app.postTransaction(p.reference(), p.cents()).status();
        if (status != 201) {
            throw new IllegalStateException("posting answered " + status);
        }
    }

    /** The floor's connections, opened before anything is timed (the connector has its Hikari pool). */
    private static final BlockingQueue<Connection> CONNECTIONS = new ArrayBlockingQueue<>(THREADS);

    /** The floor: the same rows in one bare JDBC transaction, on a connection of {@link #CONNECTIONS}. */
    private static void viaJdbc(Planned p) throws SQLException, InterruptedException {
        Connection c = CONNECTIONS.take();
        try {
            write(c, p);
        } finally {
            CONNECTIONS.put(c);
        }
    }

    private static void write(Connection c, Planned p) throws SQLException {
        UUID tx = UUID.randomUUID();
        UUID household = p.household().id();
        try {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM households WHERE id = ? FOR UPDATE")) {
                s.setObject(1, household);
                s.executeQuery().close();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO transactions (id, provider_reference,"
                    + " practice_id, household_id, attempt_id, source, status, amount_cents, currency, method_brand,"
                    + " method_last4, paid_at) VALUES (?, ?, ?, ?, ?, 'ONLINE_PATIENT_PAYMENT', 'SUCCEEDED', ?, 'USD',"
                    + " 'VISA', '4242', ?)")) {
                s.setObject(1, tx);
                s.setString(2, p.reference());
                s.setObject(3, p.household().practiceId());
                s.setObject(4, household);
                s.setObject(5, p.attemptId());
                s.setLong(6, p.cents());
                s.setTimestamp(7, Timestamp.from(Instant.parse("2026-11-01T10:00:00Z")));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO payment_applications (transaction_id,"
                    + " charge_id, amount_cents, kind, balance_after_cents) VALUES (?, ?, ?, 'PAYMENT', ?)")) {
                for (Line line : p.lines()) {
                    s.setObject(1, tx);
                    s.setObject(2, line.chargeId());
                    s.setLong(3, line.applied());
                    s.setLong(4, line.balanceAfter());
                    s.addBatch();
                }
                s.executeBatch();
            }
            if (p.credit() > 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO household_credit_entries (household_id,"
                        + " transaction_id, amount_cents, kind, reference) VALUES (?, ?, ?, 'PAYMENT_CREDIT', ?)")) {
                    s.setObject(1, household);
                    s.setObject(2, tx);
                    s.setLong(3, p.credit());
                    s.setString(4, p.reference());
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE payment_attempts SET status = 'SUCCEEDED',"
                    + " transaction_id = ?, updated_at = now() WHERE id = ?")) {
                s.setObject(1, tx);
                s.setObject(2, p.attemptId());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO processed_provider_events (event_id, kind) VALUES (?, 'payment_succeeded')")) {
                s.setString(1, "evt_" + p.reference());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO audit_log (action, household_id,"
                            + " transaction_id, attempt_id, charge_id, amount_cents, reference) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                audit(s, "TRANSACTION_POSTED", household, tx, p.attemptId(), null, p.cents(), p.reference());
                for (Line line : p.lines()) {
                    audit(s, "PAYMENT_APPLIED", household, tx, null, line.chargeId(), line.applied(), null);
                }
                if (p.credit() > 0) {
                    audit(s, "CREDIT_ADDED", household, tx, null, null, p.credit(), null);
                }
                s.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    private static void audit(
            PreparedStatement s,
            String action,
            UUID household,
            UUID tx,
            UUID attempt,
            UUID charge,
            long cents,
            String reference)
            throws SQLException {
        s.setString(1, action);
        s.setObject(2, household);
        s.setObject(3, tx);
        s.setObject(4, attempt);
        s.setObject(5, charge);
        s.setLong(6, cents);
        s.setString(7, reference);
        s.addBatch();
    }

    /** Households with 12 charges each; the charges' SPECS drive the floor's allocation. */
    private static final Map<UUID, List<Fixtures.ChargeSpec>> SPECS = new HashMap<>();

    private static List<Fixtures.Household> households(TestApp app, Random random, int count, String lastName)
            throws SQLException {
        List<Fixtures.Household> households = new ArrayList<>();
        try (Connection c = app.connect()) {
            for (int h = 0; h < count; h++) {
                List<Fixtures.ChargeSpec> charges = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    charges.add(new Fixtures.ChargeSpec(
                            LocalDate.of(2026, 1, 1).plusDays(random.nextInt(200)), 2_000 + random.nextInt(30_000)));
                }
                Fixtures.Household household = Fixtures.household(c, lastName, charges);
                households.add(household);
                synchronized (SPECS) {
                    SPECS.put(household.id(), charges);
                }
            }
        }
        return households;
    }

    /**
     * Creates the attempts and intents (not timed), households in turn; and for each posting the rows an
     * oldest-first allocation writes (what the floor inserts), from the charges' SPECS and the postings before it.
     */
    private static List<Planned> plan(
            TestApp app, Random random, List<Fixtures.Household> households, int count, String prefix) {
        Map<UUID, long[]> balances = new HashMap<>();
        Map<UUID, Integer[]> order = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Fixtures.Household h = households.get(i % households.size());
            long cents = 500 + random.nextInt(4_500);
            String ref = prefix + i;
            String attempt = app.post(
                            "/api/v1/payment-attempts",
                            json("householdId", h.id().toString(), "amountCents", cents, "idempotencyKey", ref))
                    .json()
                    .get("id")
                    .asText();
            app.put("/api/v1/payment-attempts/" + attempt + "/intent", json("providerIntentId", ref));
            List<Fixtures.ChargeSpec> charges = SPECS.get(h.id());
            long[] balance = balances.computeIfAbsent(
                    h.id(),
                    k -> charges.stream()
                            .mapToLong(Fixtures.ChargeSpec::amountCents)
                            .toArray());
            Integer[] oldestFirst = order.computeIfAbsent(h.id(), k -> {
                Integer[] idx = new Integer[charges.size()];
                for (int j = 0; j < idx.length; j++) {
                    idx[j] = j;
                }
                // Date of service, then entry order (a stable sort keeps it).
                Arrays.sort(
                        idx,
                        (a, b) -> charges.get(a)
                                .serviceDate()
                                .compareTo(charges.get(b).serviceDate()));
                return idx;
            });
            long left = cents;
            List<Line> lines = new ArrayList<>();
            for (int j : oldestFirst) {
                if (left == 0) {
                    break;
                }
                if (balance[j] > 0) {
                    long applied = Math.min(left, balance[j]);
                    balance[j] -= applied;
                    left -= applied;
                    lines.add(new Line(h.chargeIds().get(j), applied, balance[j]));
                }
            }
            planned.add(new Planned(ref, cents, h, UUID.fromString(attempt), lines, left));
        }
        return planned;
    }

    private static long[] run(List<Planned> postings, int threads, Posting posting) throws InterruptedException {
        ConcurrentLinkedQueue<Planned> queue = new ConcurrentLinkedQueue<>(postings);
        long[] latencies = new long[postings.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                Planned p;
                while ((p = queue.poll()) != null) {
                    long t0 = System.nanoTime();
                    try {
                        posting.post(p);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        e.printStackTrace();
                    }
                    latencies[next.getAndIncrement()] = System.nanoTime() - t0;
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        assertThat(failures.get()).isZero();
        Arrays.sort(latencies);
        return latencies;
    }

    private static double ms(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}

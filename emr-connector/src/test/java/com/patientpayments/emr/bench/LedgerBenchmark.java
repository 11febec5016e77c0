package com.patientpayments.emr.bench;

import com.patientpayments.emr.support.Fixtures;
import com.patientpayments.emr.support.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.patientpayments.emr.support.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ledger benchmark: 1,000 transactions over 100 households posted through the HTTP API by 8 concurrent clients
 * (attempts and intents are created first and not timed), after a JIT warm-up on other households that is printed and
 * not counted. Prints p50/p95/p99 latency of POST /api/v1/transactions and the throughput. Target on the project's 2-core machine: p95 ≤ 25 ms. Asserts correctness only, never a time.
 * Run: {@code ./mvnw -q -pl emr-connector verify -Pbench -Dgroups=bench}
 */
@Tag("bench")
class LedgerBenchmark {
    private static final int HOUSEHOLDS = 100;
    private static final int TRANSACTIONS = 1_000;
    private static final int THREADS = 8;
    private static final int WARMUP = 200;
    /**
     * Postings on households of their own before anything else, not counted: 200 postings leave most of the request
     * path (Netty, Micronaut, pgjdbc, Jackson) in interpreted or C1 code, so C2 compiled it during the measured run,
     * on the same 2 cores. The measured households and postings are the same as without it.
     */
    private static final int JIT_WARMUP = 1_500;
    private static final int JIT_WARMUP_HOUSEHOLDS = 100;
    private static final int SEQUENTIAL = 200;

    @Test
    void postTransactions() throws Exception {
        try (TestApp app = TestApp.start(Map.of("logger.levels.access", "WARN"))) {
            Random random = new Random(1);
            List<Fixtures.Household> households = households(app, random, HOUSEHOLDS, "Bench");
            List<String[]> planned = plan(app, random, households, WARMUP + TRANSACTIONS + SEQUENTIAL, "pi_bench_");
            // Its own random sequence and households: the measured data above is unchanged by the JIT warm-up.
            Random jitRandom = new Random(2);
            List<String[]> jit = plan(app, jitRandom, households(app, jitRandom, JIT_WARMUP_HOUSEHOLDS, "Warm"),
                    JIT_WARMUP, "pi_jit_");

            run(app, jit, THREADS);
            run(app, planned.subList(0, WARMUP), THREADS);
            long started = System.nanoTime();
            long[] latencies = run(app, planned.subList(WARMUP, WARMUP + TRANSACTIONS), THREADS);
            double seconds = (System.nanoTime() - started) / 1e9;
            // For comparison: one client at a time, i.e. the service's own latency without queueing.
            long[] single = run(app, planned.subList(WARMUP + TRANSACTIONS, planned.size()), 1);
            Arrays.sort(single);

            Arrays.sort(latencies);
            System.out.printf("%n=== LedgerBenchmark: POST /api/v1/transactions ===%n"
                    + "transactions=%d households=%d clients=%d (after %d warm-up postings on them)%n"
                    + "JIT warm-up before that: %d postings on %d other households, not counted%n"
                    + "p50=%.2f ms  p95=%.2f ms  p99=%.2f ms  max=%.2f ms%n"
                    + "throughput=%.1f transactions/s  (target p95 <= 25 ms)%n"
                    + "one client, %d more postings: p50=%.2f ms  p95=%.2f ms  p99=%.2f ms%n"
                    + "load average at the end: %.2f on %d cores (shared machine)%n"
                    + "==================================================%n",
                    TRANSACTIONS, HOUSEHOLDS, THREADS, WARMUP, JIT_WARMUP, JIT_WARMUP_HOUSEHOLDS, ms(latencies, 0.50), ms(latencies, 0.95),
                    ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6, TRANSACTIONS / seconds,
                    SEQUENTIAL, ms(single, 0.50), ms(single, 0.95), ms(single, 0.99),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());

            try (Connection c = app.connect(); var rs = c.createStatement().executeQuery(
                    "SELECT count(*) FROM transactions WHERE provider_reference LIKE 'pi_bench_%'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(WARMUP + TRANSACTIONS + SEQUENTIAL);
            }
        }
    }

    private static List<Fixtures.Household> households(TestApp app, Random random, int count, String lastName)
            throws java.sql.SQLException {
        List<Fixtures.Household> households = new ArrayList<>();
        try (Connection c = app.connect()) {
            for (int h = 0; h < count; h++) {
                List<Fixtures.ChargeSpec> charges = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    charges.add(new Fixtures.ChargeSpec(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(200)),
                            2_000 + random.nextInt(30_000)));
                }
                households.add(Fixtures.household(c, lastName, charges));
            }
        }
        return households;
    }

    /** Creates the attempts and intents (not timed); returns (reference, cents) per posting, households in turn. */
    private static List<String[]> plan(TestApp app, Random random, List<Fixtures.Household> households, int count,
                                       String prefix) {
        List<String[]> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Fixtures.Household h = households.get(i % households.size());
            long cents = 500 + random.nextInt(4_500);
            String ref = prefix + i;
            String attempt = app.post("/api/v1/payment-attempts", json("householdId", h.id().toString(),
                    "amountCents", cents, "idempotencyKey", ref)).json().get("id").asText();
            app.put("/api/v1/payment-attempts/" + attempt + "/intent", json("providerIntentId", ref));
            planned.add(new String[] {ref, Long.toString(cents)});
        }
        return planned;
    }

    private static long[] run(TestApp app, List<String[]> postings, int threads) throws InterruptedException {
        ConcurrentLinkedQueue<String[]> queue = new ConcurrentLinkedQueue<>(postings);
        long[] latencies = new long[postings.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                String[] p;
                while ((p = queue.poll()) != null) {
                    long t0 = System.nanoTime();
                    int status = app.postTransaction(p[0], Long.parseLong(p[1])).status();
                    latencies[next.getAndIncrement()] = System.nanoTime() - t0;
                    if (status != 201) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        assertThat(failures.get()).isZero();
        return latencies;
    }

    private static double ms(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}

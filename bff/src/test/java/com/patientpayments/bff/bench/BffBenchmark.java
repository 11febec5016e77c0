package com.patientpayments.bff.bench;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code household { charges }} and {@code signIn} through the real stack — the BFF as its own JVM (started like
 * production, from {@code Application.main}), the real EMR connector on PostgreSQL, real Redis — under 32 concurrent
 * sessions. Prints p50/p95/p99 and throughput, the BFF's time to ready (process start to {@code /health} 200) and its
 * RSS. Run: {@code ./mvnw -o -pl bff verify -Pbench -Dtest=BffBenchmark} (connector jar built first).
 * Targets on the project's 2-core machine: charges p95 ≤ 20 ms and ≥ 1,000 req/s; sign-in p95 ≤ 60 ms; ready ≤ 2.5 s.
 */
@Tag("bench")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BffBenchmark {

    static final int SESSIONS = Integer.getInteger("bench.sessions", 32);
    static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 5));
    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    static final String CHARGES = "{\"query\":\"query Charges { household { balance { cents } charges { id patientName "
            + "serviceDate procedureName balance { cents } status disputed } } }\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    private Process bff;
    private String base;

    @BeforeAll
    void startBff() throws Exception {
        EmrConnectorProcess emr = EmrConnectorProcess.shared();
        int port = EmrConnectorProcess.freePort();
        base = "http://127.0.0.1:" + port;
        Path log = Files.createTempFile("bff-bench-", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.patientpayments.bff.Application");
        pb.environment().put("BFF_PORT", Integer.toString(port));
        pb.environment().put("EMR_URL", emr.url());
        pb.environment().put("EMR_API_KEY", emr.apiKey());
        pb.environment().put("REDIS_URL", "redis://127.0.0.1:6379");
        pb.environment().put("SESSION_COOKIE_SECURE", "false");
        pb.environment().put("LOG_LEVEL", "WARN");
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dpayments.redis.key-prefix=" + BffTestSupport.redisPrefix(getClass())
                + " -Dpayments.sign-in.max-client-failures=1000000 -Dpayments.sign-in.max-account-failures=1000000 "
                + System.getProperty("bench.bff.java-options", ""));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        bff = pb.start();
        while (!healthy()) {
            if (!bff.isAlive()) {
                throw new IllegalStateException("BFF exited; see " + log);
            }
            Thread.sleep(20);
        }
        long readyMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("BENCH bff.ready_ms=%d (process start to /health 200)%n", readyMs);
        System.out.printf("BENCH bff.rss_mib_after_start=%d%n", rssMib());
    }

    @AfterAll
    void stopBff() throws InterruptedException {
        System.out.printf("BENCH bff.rss_mib_after_load=%d%n", rssMib());
        bff.destroy();
        bff.waitFor();
    }

    @Test
    void householdCharges() throws Exception {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            cookies.add(login().orElseThrow());
        }
        post(CHARGES, cookies.get(0));
        run("household{charges}", i -> post(CHARGES, cookies.get(i)), true);
    }

    @Test
    void signInBench() throws Exception {
        run("signIn", i -> login().orElseThrow(), false);
    }

    /** Sign-in failure timing by cause, interleaved, one client: the medians should not tell causes apart. */
    @Test
    void signInFailureTimingByCause() throws Exception {
        String[][] causes = {
                {"unknown_practice", "ZZ9ZZ9", BffTestSupport.ACCOUNT, BffTestSupport.LAST_NAME},
                {"unknown_account", BffTestSupport.PRACTICE, "987654", BffTestSupport.LAST_NAME},
                {"wrong_name", BffTestSupport.PRACTICE, BffTestSupport.ACCOUNT, "Smith"}};
        int rounds = Integer.getInteger("bench.timing.rounds", 200);
        long[][] samples = new long[causes.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < causes.length; c++) {
                String body = "{\"query\":\"mutation { signIn(practiceHash: \\\"" + causes[c][1]
                        + "\\\", accountNumber: \\\"" + causes[c][2] + "\\\", lastName: \\\"" + causes[c][3]
                        + "\\\") { ok message } }\"}";
                long t0 = System.nanoTime();
                HttpResponse<String> resp = http.send(request(body, null), HttpResponse.BodyHandlers.ofString());
                samples[c][r] = System.nanoTime() - t0;
                if (!resp.body().contains("\"ok\":false")) {
                    throw new IllegalStateException("expected a failure for " + causes[c][0]);
                }
            }
        }
        for (int c = 0; c < causes.length; c++) {
            long[] sorted = samples[c].clone();
            Arrays.sort(sorted);
            System.out.printf("BENCH signIn.failure cause=%s n=%d p50=%.2f ms p95=%.2f ms%n", causes[c][0], rounds,
                    pct(sorted, 50), pct(sorted, 95));
        }
    }

    interface Call {
        void call(int session) throws Exception;
    }

    private void run(String name, Call call, boolean printCpu) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        long warmupEnd = System.nanoTime() + WARMUP.toNanos();
        long end = warmupEnd + MEASURE.toNanos();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            int session = s;
            futures.add(pool.submit(() -> {
                start.await();
                long[] samples = new long[1 << 20];
                int n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        break;
                    }
                    call.call(session);
                    long t1 = System.nanoTime();
                    if (t0 >= warmupEnd && n < samples.length) {
                        samples[n++] = t1 - t0;
                    }
                }
                return Arrays.copyOf(samples, n);
            }));
        }
        long bffCpuStart = 0;
        long clientCpuStart = 0;
        long measureStart = 0;
        start.countDown();
        while (System.nanoTime() < warmupEnd) {
            Thread.sleep(1);
        }
        bffCpuStart = cpuNanos(bff.pid());
        clientCpuStart = cpuNanos(ProcessHandle.current().pid());
        measureStart = System.nanoTime();
        while (System.nanoTime() < end) {
            Thread.sleep(1);
        }
        long bffCpu = cpuNanos(bff.pid()) - bffCpuStart;
        long clientCpu = cpuNanos(ProcessHandle.current().pid()) - clientCpuStart;
        long measured = System.nanoTime() - measureStart;
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            for (long v : f.get()) {
                all.add(v);
            }
        }
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = MEASURE.toNanos() / 1e9;
        System.out.printf("BENCH %s sessions=%d requests=%d throughput=%.0f req/s p50=%.2f ms p95=%.2f ms p99=%.2f ms "
                        + "max=%.2f ms%n", name, SESSIONS, sorted.length, sorted.length / seconds, pct(sorted, 50),
                pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.out.printf("BENCH %s cpu: bff=%.2f cores (%.3f ms/request) load-generator=%.2f cores%n", name,
                bffCpu / (double) measured, sorted.length == 0 ? 0 : bffCpu / 1e6 / sorted.length,
                clientCpu / (double) measured);
    }

    /** User+system CPU time of a process, from /proc (Linux); 0 where it cannot be read. */
    private static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private java.util.Optional<String> login() throws IOException, InterruptedException {
        String body = "{\"query\":\"mutation SignIn { signIn(practiceHash: \\\"" + BffTestSupport.PRACTICE
                + "\\\", accountNumber: \\\"" + BffTestSupport.ACCOUNT + "\\\", lastName: \\\""
                + BffTestSupport.LAST_NAME + "\\\") { ok } }\"}";
        HttpResponse<String> r = http.send(request(body, null), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"ok\":true")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode());
        }
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("pp_session="))
                .map(c -> c.split(";", 2)[0]).findFirst();
    }

    private void post(String body, String cookie) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(body, cookie), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || r.body().contains("\"errors\"")) {
            throw new IllegalStateException("request failed: " + r.statusCode() + " " + r.body());
        }
    }

    private HttpRequest request(String body, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/graphql")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.build();
    }

    private boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private long rssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + bff.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}

package com.patientpayments.bff.bench;

import io.micronaut.serde.ObjectMapper;
import com.patientpayments.bff.email.SesStandIn;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.webhook.EmbeddedSqs;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code household { charges }} and {@code signIn} through the real stack — the BFF as its own JVM started from its
 * shaded jar like production (external SQS and SES played by stand-ins in this JVM), the real EMR connector on
 * PostgreSQL, real Redis — under 32 concurrent sessions. Prints p50/p95/p99 and throughput (saturated, and at a fixed
 * arrival rate), the BFF's CPU per request, its time to ready (process start to {@code /health} 200: cold, and with
 * the class-data-sharing archive the first start records) and its RSS.
 * Run: {@code ./mvnw -pl emr-connector,bff verify -Pbench -Dtest=BffBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Targets on the project's 2-core machine: charges p95 ≤ 20 ms and ≥ 1,000 req/s; sign-in p95 ≤ 60 ms; ready ≤ 2.5 s.
 */
@Tag("bench")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BffBenchmark {

    static final int SESSIONS = Integer.getInteger("bench.sessions", 32);
    /**
     * Minimum warm-up of a load phase; it goes on until the JIT has finished compiling the request path (a shorter
     * warm-up measures the compiler, which takes most of a core for the first minute), at most {@link #MAX_WARMUP}.
     */
    static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 30));
    static final Duration MAX_WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup.max-seconds", 150));
    /** The fixed arrival rate of the latency measurement, requests per second over all sessions. */
    static final int RATE = Integer.getInteger("bench.rate", 1000);
    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    static final String CHARGES = "{\"query\":\"query Charges { household { balance { cents } charges { id patientName "
            + "serviceDate procedureName balance { cents } status disputed } } }\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    private Process bff;
    private String base;
    private EmbeddedSqs sqs;
    private SesStandIn ses;

    @BeforeAll
    void startBff() throws Exception {
        // Production runs against external SQS and SES: stand-ins in this JVM play them, so the BFF starts no
        // embedded ElasticMQ or mail server of its own.
        sqs = EmbeddedSqs.start();
        ses = new SesStandIn(ObjectMapper.getDefault(), 0);
        Path jar = shadedJar();
        Path archive = jar.resolveSibling("bench-bff.jsa");
        Files.deleteIfExists(archive);
        // 1. Cold start of the freshly built jar; it records its classes for class data sharing (AppCDS) on exit,
        //    as the first start of a deployment (or `make demo`) does.
        long cold = start(jar, "-XX:ArchiveClassesAtExit=" + archive);
        System.out.printf("BENCH bff.ready_ms.cold=%d (process start to /health 200, no CDS archive yet)%n", cold);
        // One sign-in, so the archive holds the request path's classes too (a cold first request can be slow on a
        // busy machine: a few tries).
        for (int attempt = 1; ; attempt++) {
            try {
                login();
                break;
            } catch (java.net.http.HttpTimeoutException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
        bff.destroy();
        bff.waitFor();
        // Let the connector and this JVM (the SQS/SES stand-ins) finish their own warm-up work first: the measured
        // start should compete with nothing, like a deployment's restart beside running services.
        Thread.sleep(Long.getLong("bench.settle.millis", 8000));
        // 2. The start that is measured: a deployment's every later start, with the archive.
        long ready = start(jar, Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive : "-Xshare:auto");
        System.out.printf("BENCH bff.ready_ms=%d (process start to /health 200, CDS archive %s)%n", ready,
                Files.exists(archive) ? "used" : "MISSING");
        System.out.printf("BENCH bff.cpu_s_to_ready=%.2f%n", cpuNanos(bff.pid()) / 1e9);
        System.out.printf("BENCH bff.rss_mib_after_start=%d%n", rssMib());
    }

    /** The module's shaded jar, as built by `package` (benchmarks run in the integration-test phase). */
    private static Path shadedJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            Path jar = files.filter(f -> f.getFileName().toString().matches("bff-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("bff jar missing: run `./mvnw -pl bff "
                            + "verify -Pbench` (benchmarks run after package)"));
            Path classes = Path.of("target", "classes");
            if (Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(classes)) < 0) {
                throw new IllegalStateException("bff jar is older than target/classes: rebuild it first");
            }
            return jar;
        }
    }

    private long start(Path jar, String jvmOption) throws Exception {
        EmrConnectorProcess emr = EmrConnectorProcess.shared();
        int port = EmrConnectorProcess.freePort();
        base = "http://127.0.0.1:" + port;
        Path log = Files.createTempFile("bff-bench-", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                jvmOption, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString());
        pb.environment().put("BFF_PORT", Integer.toString(port));
        pb.environment().put("EMR_URL", emr.url());
        pb.environment().put("EMR_API_KEY", emr.apiKey());
        pb.environment().put("STRIPE_WEBHOOK_SECRET", "whsec_bench_" + EmrConnectorProcess.randomHex(8));
        pb.environment().put("MANAGEMENT_PORT", Integer.toString(EmrConnectorProcess.freePort()));
        pb.environment().put("REDIS_URL", "redis://127.0.0.1:6379");
        pb.environment().put("SQS_ENDPOINT", sqs.endpoint().toString());
        pb.environment().put("SES_ENDPOINT", ses.endpoint());
        pb.environment().put("AWS_ACCESS_KEY_ID", "bench");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "bench");
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
            Thread.sleep(10);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    @AfterAll
    void stopBff() throws InterruptedException {
        System.out.printf("BENCH bff.rss_mib_after_load=%d%n", rssMib());
        bff.destroy();
        bff.waitFor();
        ses.close();
        sqs.stop();
    }

    @Test
    void householdCharges() throws Exception {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            cookies.add(login().orElseThrow());
        }
        post(CHARGES, cookies.get(0));
        run("household{charges} saturated", i -> post(CHARGES, cookies.get(i)), 0, WARMUP);
        run("household{charges} @" + RATE + "/s", i -> post(CHARGES, cookies.get(i)), RATE, Duration.ofSeconds(5));
    }

    @Test
    void signInBench() throws Exception {
        run("signIn saturated", i -> requireSignedIn(), 0, WARMUP);
        run("signIn @" + RATE / 4 + "/s", i -> requireSignedIn(), RATE / 4, Duration.ofSeconds(5));
    }

    private void requireSignedIn() throws Exception {
        if (login().isEmpty()) {
            throw new AssertionError("sign-in failed during the benchmark");
        }
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

    /**
     * Runs {@code call} from {@link #SESSIONS} concurrent sessions: warm-up, then {@link #MEASURE}. With
     * {@code rate == 0} each session sends its next request as soon as the previous answer arrives (saturation: the
     * throughput is the capacity, the latency mostly queueing). With a rate, requests are scheduled at that total rate
     * and each latency is measured from its scheduled time, so a stall counts for every request it delays
     * (no coordinated omission).
     */
    private void run(String name, Call call, int rate, Duration minWarmup) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        AtomicLong warmupEnd = new AtomicLong(Long.MAX_VALUE);
        AtomicLong end = new AtomicLong(Long.MAX_VALUE);
        AtomicLong completed = new AtomicLong();
        long interval = rate == 0 ? 0 : 1_000_000_000L * SESSIONS / rate;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            int session = s;
            futures.add(pool.submit(() -> {
                start.await();
                long[] samples = new long[1 << 20];
                int n = 0;
                long next = System.nanoTime() + (interval * session) / SESSIONS;
                while (true) {
                    long t0 = System.nanoTime();
                    if (interval > 0) {
                        if (next > t0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(next - t0);
                        }
                        t0 = next;
                        next += interval;
                    }
                    if (t0 >= end.get()) {
                        break;
                    }
                    call.call(session);
                    long t1 = System.nanoTime();
                    completed.incrementAndGet();
                    if (t0 >= warmupEnd.get() && n < samples.length) {
                        samples[n++] = t1 - t0;
                    }
                }
                return Arrays.copyOf(samples, n);
            }));
        }
        start.countDown();
        // Warm-up: at least minWarmup, then 5-s slices until the BFF's JIT compiler threads are nearly idle (under
        // 5 % of a core: the request path is compiled), at most MAX_WARMUP.
        long began = System.nanoTime();
        Thread.sleep(minWarmup.toMillis());
        boolean settled = false;
        double compiling = 0;
        while (!settled && System.nanoTime() - began < MAX_WARMUP.toNanos()) {
            long j0 = jitCpuNanos(bff.pid());
            long t0 = System.nanoTime();
            Thread.sleep(5000);
            compiling = (jitCpuNanos(bff.pid()) - j0) / (double) (System.nanoTime() - t0);
            settled = compiling < 0.05;
        }
        System.out.printf("BENCH %s warm-up %.0f s (%s; JIT compiler threads at %.0f %% of a core in the last 5 s)%n",
                name, (System.nanoTime() - began) / 1e9, settled ? "JIT settled" : "cap reached", compiling * 100);
        long emrPid = EmrConnectorProcess.shared().pid();
        long emrCpuStart = cpuNanos(emrPid);
        long bffCpuStart = cpuNanos(bff.pid());
        long clientCpuStart = cpuNanos(ProcessHandle.current().pid());
        long measureStart = System.nanoTime();
        warmupEnd.set(measureStart);
        end.set(measureStart + MEASURE.toNanos());
        while (System.nanoTime() < end.get()) {
            Thread.sleep(1);
        }
        long bffCpu = cpuNanos(bff.pid()) - bffCpuStart;
        long emrCpu = cpuNanos(emrPid) - emrCpuStart;
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
        System.out.printf("BENCH %s cpu: bff=%.2f cores (%.3f ms/request) connector=%.2f cores load-generator=%.2f "
                        + "cores%n", name, bffCpu / (double) measured, sorted.length == 0 ? 0 : bffCpu / 1e6 / sorted.length,
                emrCpu / (double) measured, clientCpu / (double) measured);
    }

    /** User+system CPU time of a process's JIT compiler threads ("C1/C2 CompilerThread…"), from /proc. */
    private static long jitCpuNanos(long pid) {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
                    }
                } catch (IOException | RuntimeException e) {
                    // A thread that ended meanwhile.
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
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

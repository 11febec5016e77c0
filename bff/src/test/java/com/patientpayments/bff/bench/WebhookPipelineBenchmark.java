package com.patientpayments.bff.bench;

import static com.patientpayments.bff.testsupport.StripeWebhooks.paymentIntentEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.demo.EmbeddedSqs;
import com.patientpayments.bff.demo.LocalPorts;
import com.patientpayments.bff.demo.SesStandIn;
import com.patientpayments.bff.demo.StripeStandIn;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.ConnectorApi;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import com.patientpayments.bff.testsupport.StripeWebhooks;
import com.patientpayments.bff.webhook.QueueSettings;
import com.patientpayments.bff.webhook.WebhookQueue;
import com.patientpayments.floor.Floors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The webhook pipeline under load, on the real connector and PostgreSQL:
 * <ol>
 *   <li>20 signed {@code payment_intent.succeeded} events per second in rounds interleaved ({@link Floors}) with the
 *   minimal Micronaut app of {@code ../bench-floor} (its own JVM) answering a POST of the same size at the same rate:
 *   acknowledgement p50/p99 and their ratios (goal p99 ≤ 2× the floor); then webhook-to-posted p50/p95 (target
 *   ≤ 500 ms). {@code BENCH_QUICK=1}: short rounds;</li>
 *   <li>chaos: 500 payments with 30 % duplicate and 10 % reordered deliveries (a stale failure after the success)
 *   and one connector restart; prints lost and doubled (both must be 0) and the totals in cents.</li>
 * </ol>
 * What runs where: the BFF runs as its own JVM from its shaded jar ({@link Launch#bffJar}), with the same JVM flags as
 * the floor's JVM ({@link Launch#jvmFlags}), configured by environment as production is; its queue consumer runs in
 * it, as in production. SQS (an ElasticMQ, {@link EmbeddedSqs}), Stripe ({@link StripeStandIn}, which the consumer
 * asks for the intent) and SES ({@link SesStandIn}, unused here) are remote services in production: their stand-ins
 * run in this test JVM, with the load
 * generator, not in the measured one. The connector runs as its own process ({@link EmrConnectorProcess}).
 * Run: {@code ./mvnw -q -pl bench-floor,emr-connector,demo/bff-standins,bff verify -Pbench
 * -Dtest=WebhookPipelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (benchmarks run after {@code package}).
 * {@code -Dbench.profile=true}: the steady-load rounds run with JFR on the BFF process ({@code
 * -Dbench.profile.settings=<.jfc>}, default {@code profile}); the recording's path and the product rounds' time windows
 * are printed with a {@link JfrSummary} of it.
 */
@Tag("bench")
class WebhookPipelineBenchmark {

    private static final String SECRET = "whsec_bench";
    private static final String STRIPE_KEY = "sk_test_bench";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static EmbeddedSqs sqs;
    private static StripeStandIn stripe;
    private static SesStandIn ses;
    private static Launch.Started bff;
    private static String webhookUrl;
    private static String queueName;
    private static String householdId;

    @BeforeAll
    static void startAll() throws Exception {
        sqs = EmbeddedSqs.start();
        stripe = new StripeStandIn(0, STRIPE_KEY, null, "unused");
        ses = new SesStandIn(ObjectMapper.getDefault(), 0);
        EmrConnectorProcess emr = EmrConnectorProcess.shared();
        queueName = "bench-" + UUID.randomUUID();
        int port = LocalPorts.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("BFF_PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(LocalPorts.freePort()));
        env.put("EMR_URL", emr.url());
        env.put("EMR_API_KEY", emr.apiKey());
        env.put("STRIPE_WEBHOOK_SECRET", SECRET);
        env.put("STRIPE_SECRET_KEY", STRIPE_KEY);
        env.put("STRIPE_API_BASE", stripe.url());
        env.put("REDIS_URL", "redis://127.0.0.1:6379");
        env.put("SQS_ENDPOINT", sqs.endpoint().toString());
        env.put("SES_ENDPOINT", ses.endpoint());
        env.put("SQS_QUEUE_NAME", queueName);
        env.put("AWS_ACCESS_KEY_ID", "bench");
        env.put("AWS_SECRET_ACCESS_KEY", "bench");
        env.put("SESSION_COOKIE_SECURE", "false");
        env.put("LOG_LEVEL", "WARN");
        env.put(
                "UI_DIST_DIR",
                Files.createTempDirectory("webhook-bench-static-").toString());
        // Keys without an environment variable: short queue timings (a retried message comes back within the run) and
        // no scheduled reconciliation competing with the load.
        env.put(
                "JAVA_TOOL_OPTIONS",
                "-Dpayments.redis.key-prefix=" + BffTestSupport.redisPrefix(WebhookPipelineBenchmark.class)
                        + " -Dpayments.queue.wait-time=1s -Dpayments.queue.retry-backoff=1s"
                        + " -Dpayments.queue.visibility-timeout=5s -Dpayments.queue.max-receives=100"
                        + " -Dpayments.reconciliation.enabled=false "
                        + System.getProperty("bench.bff.java-options", ""));
        String base = "http://127.0.0.1:" + port;
        bff = Launch.start(Launch.jarCommand(Launch.jvmFlags(null), Launch.bffJar()), env, base, "/health/readiness");
        webhookUrl = base + "/webhooks/stripe";
        householdId = ConnectorApi.householdId(BffTestSupport.OTHER_PRACTICE, "200100", "Nguyen-Smith");
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (bff != null) {
            bff.close();
        }
        if (stripe != null) {
            stripe.close();
        }
        if (ses != null) {
            ses.close();
        }
        if (sqs != null) {
            sqs.stop();
        }
    }

    /**
     * An attempt with a provider intent id in the ledger, as startPayment leaves it (written straight to the
     * connector). Set-up, not measured: a connector that is slow on a busy machine is asked again (same idempotency
     * key, same intent: both calls are idempotent).
     */
    private static String attempt(long cents) {
        String key = UUID.randomUUID().toString();
        String intent = "pi_bench" + UUID.randomUUID().toString().replace("-", "");
        for (int attempt = 1; ; attempt++) {
            try {
                String id = ConnectorApi.call(
                                "POST",
                                "/api/v1/payment-attempts",
                                Map.of("householdId", householdId, "amountCents", cents, "idempotencyKey", key))
                        .path("id")
                        .asText();
                ConnectorApi.call(
                        "PUT", "/api/v1/payment-attempts/" + id + "/intent", Map.of("providerIntentId", intent));
                return intent;
            } catch (IllegalStateException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Posts a signed event; answers the acknowledgement time in microseconds (or -1 when not 200). */
    private static long deliver(String url, String event) {
        HttpRequest request = StripeWebhooks.signedDelivery(url, event, SECRET).build();
        long start = System.nanoTime();
        try {
            int status =
                    HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? (System.nanoTime() - start) / 1000 : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** provider reference → (count, sum of cents, created_at millis) of the ledger's transactions. */
    private static Map<String, long[]> ledgerRows() throws Exception {
        Map<String, long[]> rows = new HashMap<>();
        try (Connection c =
                        DriverManager.getConnection(EmrConnectorProcess.shared().jdbcUrl());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT provider_reference, count(*), sum(amount_cents), "
                        + "max(extract(epoch from created_at) * 1000) FROM transactions "
                        + "WHERE provider_reference LIKE 'pi_bench%' GROUP BY provider_reference")) {
            while (r.next()) {
                rows.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3), (long) r.getDouble(4)});
            }
        }
        return rows;
    }

    private static void awaitPosted(List<String> intents, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Map<String, long[]> rows = ledgerRows();
            if (rows.keySet().containsAll(intents)) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    @Test
    void steadyLoadAckAndPostingLatency() throws Exception {
        int rate = 20;
        int seconds = Integer.getInteger("bench.webhook.seconds", Floors.seconds(5, 30));
        int rounds = Floors.rounds(3);
        // Warm-up, not measured: a just-started JVM pays class loading and JIT compilation of the webhook path (the
        // AWS SDK's first send alone takes hundreds of ms); the figures below are for a running service.
        int warmup = Integer.getInteger("bench.webhook.warmup", Floors.QUICK ? 100 : 300);
        List<String> warm = new ArrayList<>();
        for (int i = 0; i < warmup; i++) {
            String intent = attempt(50);
            warm.add(intent);
            deliver(webhookUrl, paymentIntentEvent("payment_intent.succeeded", intent, 50));
        }
        awaitPosted(warm, Duration.ofSeconds(60));
        System.out.printf("BENCH webhook warm-up: %d events delivered and posted before measuring%n", warmup);
        // The floor: the minimal Micronaut app (../bench-floor) answering a signed POST of the same size, at the same
        // rate from the same client; it reads the body as a string and acknowledges.
        int port = LocalPorts.freePort();
        try (Launch.Started floor = Launch.start(
                Launch.floorCommand(Launch.jvmFlags(null)),
                Map.of("FLOOR_PORT", Integer.toString(port)),
                "http://127.0.0.1:" + port,
                "/health/readiness")) {
            String floorUrl = floor.base() + "/webhooks/stripe";
            String sample = paymentIntentEvent("payment_intent.succeeded", "pi_floor" + "0".repeat(32), 50);
            for (int i = 0; i < warmup * 3; i++) {
                deliver(floorUrl, sample);
            }
            Floors p50 = new Floors("webhook ack p50", "ms", "(latency)");
            Floors p99 = new Floors("webhook ack p99", "ms", "≤ 2×");
            List<String> intents = new ArrayList<>();
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Path recording = Boolean.getBoolean("bench.profile") ? Files.createTempFile("bff-webhook-", ".jfr") : null;
            List<long[]> productWindows = new ArrayList<>();
            if (recording != null) {
                // -Dbench.profile.settings=<.jfc>: e.g. a copy of profile.jfc with lower socket/park thresholds.
                jcmd(
                        "JFR.start",
                        "name=bench",
                        "settings=" + System.getProperty("bench.profile.settings", "profile"),
                        "filename=" + recording);
            }
            for (int r = 0; r < rounds; r++) {
                List<String> floorBodies = new ArrayList<>();
                for (int i = 0; i < rate * seconds; i++) {
                    floorBodies.add(paymentIntentEvent(
                            "payment_intent.succeeded",
                            "pi_floor" + UUID.randomUUID().toString().replace("-", ""),
                            50 + i % 7));
                }
                List<Long> f = atRate(rate, floorBodies, body -> deliver(floorUrl, body));
                p50.floor("minimal app", percentile(f, 0.50) / 1000.0);
                p99.floor("minimal app", percentile(f, 0.99) / 1000.0);
                List<String> roundIntents = new ArrayList<>();
                for (int i = 0; i < rate * seconds; i++) {
                    roundIntents.add(attempt(50 + i % 7));
                }
                intents.addAll(roundIntents);
                List<String> events = new ArrayList<>();
                for (int i = 0; i < roundIntents.size(); i++) {
                    events.add(paymentIntentEvent("payment_intent.succeeded", roundIntents.get(i), 50 + i % 7));
                }
                long productStart = System.currentTimeMillis();
                List<Long> p = atRate(rate, events, body -> {
                    sentAt.put(
                            body.substring(
                                    body.indexOf("\"id\":\"pi_") + 6, body.indexOf("\",\"object\":\"payment_intent")),
                            System.currentTimeMillis());
                    return deliver(webhookUrl, body);
                });
                long failed = p.stream().filter(a -> a < 0).count();
                if (failed > 0) {
                    throw new IllegalStateException(failed + " webhook deliveries were not acknowledged");
                }
                productWindows.add(new long[] {productStart, System.currentTimeMillis()});
                p50.product(percentile(p, 0.50) / 1000.0);
                p99.product(percentile(p, 0.99) / 1000.0);
            }
            if (recording != null) {
                jcmd("JFR.stop", "name=bench");
                System.out.printf(
                        "BENCH profile webhook: BFF recording %s over all rounds; product rounds (epoch ms) %s%n",
                        recording,
                        productWindows.stream().map(w -> w[0] + "-" + w[1]).toList());
                JfrSummary.print(recording, 30, null);
            }
            p50.summary();
            p99.summary();
            awaitPosted(intents, Duration.ofSeconds(60));
            Map<String, long[]> rows = ledgerRows();
            List<Long> posted = new ArrayList<>();
            for (String intent : intents) {
                long[] row = rows.get(intent);
                if (row != null && sentAt.containsKey(intent)) {
                    posted.add(Math.max(0, row[2] - sentAt.get(intent)));
                }
            }
            System.out.printf(
                    "BENCH webhook steady: events=%d rate=%d/s postedP50=%dms postedP95=%dms posted=%d/%d "
                            + "(webhook received → ledger row; no floor)%n",
                    intents.size(),
                    rate,
                    percentile(posted, 0.50),
                    percentile(posted, 0.95),
                    posted.size(),
                    intents.size());
            assertThat(posted).hasSize(intents.size());
        }
    }

    /** Runs {@code jcmd <BFF pid> args…} ({@code -Dbench.profile=true}: JFR on the measured BFF process). */
    private static void jcmd(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(bff.process().pid())));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    /** Sends {@code bodies} at {@code rate} per second from 8 sender threads; answers each acknowledgement time (µs). */
    private static List<Long> atRate(int rate, List<String> bodies, java.util.function.ToLongFunction<String> send)
            throws InterruptedException {
        List<Long> acks = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        for (int i = 0; i < bodies.size(); i++) {
            String body = bodies.get(i);
            ticker.schedule(
                    () -> senders.submit(() -> acks.add(send.applyAsLong(body))),
                    i * 1000L / rate,
                    TimeUnit.MILLISECONDS);
        }
        ticker.shutdown();
        ticker.awaitTermination(bodies.size() / rate + 30, TimeUnit.SECONDS);
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        return acks;
    }

    @Test
    void chaosRunLosesNothingAndDoublesNothing() throws Exception {
        int payments = 500;
        Random random = new Random(42);
        List<String> intents = new ArrayList<>();
        Map<String, Long> amounts = new HashMap<>();
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            long cents = 50 + random.nextInt(5000);
            String intent = attempt(cents);
            intents.add(intent);
            amounts.put(intent, cents);
            String success = paymentIntentEvent("payment_intent.succeeded", intent, cents);
            String staleFailure = paymentIntentEvent("payment_intent.payment_failed", intent, cents);
            boolean reordered = random.nextDouble() < 0.10;
            deliveries.add(reordered ? staleFailure : success);
            deliveries.add(reordered ? success : null);
            if (random.nextDouble() < 0.30) {
                deliveries.add(success); // duplicate delivery
            }
        }
        deliveries.removeIf(java.util.Objects::isNull);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        int restartAt = deliveries.size() / 2;
        long expectedTotal =
                amounts.values().stream().mapToLong(Long::longValue).sum();
        for (int i = 0; i < deliveries.size(); i++) {
            if (i == restartAt) {
                senders.submit(() -> EmrConnectorProcess.shared().restart());
            }
            String event = deliveries.get(i);
            senders.submit(() -> deliver(webhookUrl, event));
        }
        senders.shutdown();
        senders.awaitTermination(120, TimeUnit.SECONDS);
        awaitPosted(intents, Duration.ofSeconds(120));
        SqsClient client = SqsClient.builder()
                .endpointOverride(sqs.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .build();
        // The BFF's queues, found by name (the BFF created them): for their depths only.
        WebhookQueue queue = new WebhookQueue(
                client,
                new QueueSettings(
                        null,
                        queueName,
                        null,
                        100,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        1,
                        false),
                new SimpleMeterRegistry());
        Instant drain = Instant.now().plusSeconds(60);
        while (queue.depth() > 0 && Instant.now().isBefore(drain)) {
            Thread.sleep(200);
        }
        Map<String, long[]> rows = ledgerRows();
        long lost = intents.stream().filter(i -> !rows.containsKey(i)).count();
        long doubled = intents.stream()
                .filter(i -> rows.containsKey(i) && rows.get(i)[0] > 1)
                .count();
        long ledgerTotal = intents.stream()
                .filter(rows::containsKey)
                .mapToLong(i -> rows.get(i)[1])
                .sum();
        System.out.printf(
                "BENCH webhook chaos: payments=%d deliveries=%d connectorRestarts=1 lost=%d doubled=%d "
                        + "expectedCents=%d ledgerCents=%d dlq=%d%n",
                payments, deliveries.size(), lost, doubled, expectedTotal, ledgerTotal, queue.deadLetterDepth());
        assertThat(lost).isZero();
        assertThat(doubled).isZero();
        assertThat(ledgerTotal).isEqualTo(expectedTotal);
    }
}

package com.patientpayments.bff.multi;

import static com.patientpayments.bff.testsupport.StripeWebhooks.paymentIntentEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patientpayments.bff.demo.EmbeddedSqs;
import com.patientpayments.bff.demo.SesStandIn;
import com.patientpayments.bff.demo.StripeStandIn;
import com.patientpayments.bff.payment.StripeSignatureVerifier;
import com.patientpayments.bff.testsupport.BffProcess;
import com.patientpayments.bff.testsupport.ConnectorApi;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.StripeWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Several instances behave as one (issue 15): two BFF processes and two connector processes, all started from the
 * packaged jars, on one PostgreSQL database, one Redis key prefix and one ElasticMQ queue, all on 127.0.0.1. Each BFF
 * gets {@code EMR_URL=<connector A>,<connector B>} (round robin, failover on refused connections).
 *
 * <p>Runs after {@code package} (tag {@code multi-instance}, the BFF module's integration-test phase, part of
 * {@code make test}); prints its run time as {@code MULTI-INSTANCE ...}.
 */
@Tag("multi-instance")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String SECRET = "whsec_multi_" + EmrConnectorProcess.randomHex(8);
    private static final String SIGN_IN = "mutation($h: ID!, $a: String!, $l: String!) { signIn(practiceHash: $h, "
            + "accountNumber: $a, lastName: $l) { ok message } }";
    private static final String HOUSEHOLD = "{ household { guarantorName } }";
    private static final String DOWNLOAD = "mutation($id: ID!) { downloadReceipt(txId: $id) { url expiresAt } }";

    private final long startedNanos = System.nanoTime();
    private String database;
    private String apiKey;
    private EmrConnectorProcess emrA;
    private EmrConnectorProcess emrB;
    private EmbeddedSqs sqs;
    private SesStandIn ses;
    private StripeStandIn stripe;
    private SqsClient sqsClient;
    private String queueName;
    private BffProcess bffA;
    private BffProcess bffB;

    @BeforeAll
    void startEverything() throws Exception {
        database = EmrConnectorProcess.freshDatabase("pp_multi");
        apiKey = EmrConnectorProcess.randomHex(16);
        emrA = EmrConnectorProcess.onDatabase(database, apiKey);
        emrB = EmrConnectorProcess.onDatabase(database, apiKey);
        // Both connectors at once on the empty database: Flyway's lock and the seeder's advisory lock serialize them.
        CompletableFuture<Void> a = CompletableFuture.runAsync(emrA::start);
        CompletableFuture<Void> b = CompletableFuture.runAsync(emrB::start);
        sqs = EmbeddedSqs.start();
        ses = new SesStandIn(io.micronaut.serde.ObjectMapper.getDefault(), 0);
        // The production jar has no Stripe stand-in of its own: both instances talk to this one as to Stripe.
        stripe = new StripeStandIn(0, "sk_test_multi", null, "unused");
        sqsClient = SqsClient.builder()
                .endpointOverride(sqs.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .build();
        queueName = "multi-" + UUID.randomUUID();
        a.join();
        b.join();
        Map<String, String> env = new HashMap<>();
        env.put("EMR_API_KEY", apiKey);
        env.put("STRIPE_WEBHOOK_SECRET", SECRET + ",whsec_multi_rotated_out");
        env.put("REDIS_URL", "redis://127.0.0.1:6379");
        env.put("SQS_ENDPOINT", sqs.endpoint().toString());
        env.put("SQS_QUEUE_NAME", queueName);
        env.put("SES_ENDPOINT", ses.endpoint());
        env.put("STRIPE_SECRET_KEY", "sk_test_multi");
        env.put("STRIPE_API_BASE", stripe.url());
        env.put("AWS_ACCESS_KEY_ID", "multi");
        env.put("AWS_SECRET_ACCESS_KEY", "multi");
        env.put("SESSION_COOKIE_SECURE", "false");
        // Both instances must sign and check sessions with one key, as in production (Secrets Manager).
        env.put("SESSION_JWT_SECRET", EmrConnectorProcess.randomHex(32));
        env.put("SHUTDOWN_READINESS_DELAY", "2s");
        env.put("SHUTDOWN_DRAIN_TIMEOUT", "15s");
        env.put("LOG_LEVEL", "INFO");
        List<String> jvm = List.of(
                "-Dpayments.redis.key-prefix=t:multi:" + EmrConnectorProcess.randomHex(4) + ":",
                "-Dpayments.reconciliation.enabled=false",
                "-Dpayments.startup.background-delay=0ms",
                "-Dpayments.queue.wait-time=1s",
                "-Dpayments.queue.retry-backoff=1s",
                "-Dpayments.queue.visibility-timeout=10s",
                "-Dpayments.queue.max-receives=100",
                "-Dpayments.queue.concurrency=4");
        Map<String, String> envA = new HashMap<>(env);
        envA.put("EMR_URL", emrA.url() + "," + emrB.url());
        Map<String, String> envB = new HashMap<>(env);
        envB.put("EMR_URL", emrB.url() + "," + emrA.url());
        CompletableFuture<BffProcess> startA = CompletableFuture.supplyAsync(() -> BffProcess.start(envA, jvm));
        CompletableFuture<BffProcess> startB = CompletableFuture.supplyAsync(() -> BffProcess.start(envB, jvm));
        bffA = startA.join();
        bffB = startB.join();
        System.out.printf("MULTI-INSTANCE started 2 connectors + 2 BFFs in %d s%n", elapsedSeconds());
    }

    @AfterAll
    void stopEverything() {
        for (BffProcess bff : new BffProcess[] {bffA, bffB}) {
            if (bff != null) {
                bff.stop();
            }
        }
        for (EmrConnectorProcess emr : new EmrConnectorProcess[] {emrA, emrB}) {
            if (emr != null) {
                emr.stop();
            }
        }
        if (sqsClient != null) {
            sqsClient.close();
        }
        if (ses != null) {
            ses.close();
        }
        if (stripe != null) {
            stripe.close();
        }
        if (sqs != null) {
            sqs.stop();
        }
        System.out.printf("MULTI-INSTANCE test run time: %d s (MultiInstanceTest, all phases)%n", elapsedSeconds());
    }

    private long elapsedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void bothConnectorsStartedAtOnceOnAnEmptyDatabaseMigrateOnceWithoutError() throws Exception {
        try (Connection c = DriverManager.getConnection(emrA.jdbcUrl());
                Statement s = c.createStatement()) {
            ResultSet twice = s.executeQuery("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL "
                    + "GROUP BY version HAVING count(*) > 1");
            assertThat(twice.next()).as("a migration version applied twice").isFalse();
            ResultSet failed = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE NOT success");
            failed.next();
            assertThat(failed.getInt(1)).isZero();
            ResultSet applied = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL");
            applied.next();
            assertThat(applied.getInt(1)).isEqualTo(migrationFiles());
            ResultSet seeded = s.executeQuery("SELECT count(*) FROM practice_hashes WHERE hash = 'K7MX4Q'");
            seeded.next();
            assertThat(seeded.getInt(1)).as("demo data seeded once").isEqualTo(1);
        }
        for (EmrConnectorProcess emr : List.of(emrA, emrB)) {
            assertThat(emr.log())
                    .as("connector log %s", emr.logFile())
                    .doesNotContain("\"level\":\"ERROR\"")
                    .doesNotContain("Exception in thread");
        }
        // Both ran Flyway; exactly one of them seeded the demo data (the other found it there).
        assertThat(List.of(emrA, emrB)).allSatisfy(e -> assertThat(e.log()).contains("Running migrations"));
        assertThat(List.of(emrA, emrB).stream()
                        .filter(e -> e.log().contains("demo data seeded"))
                        .count())
                .isEqualTo(1);
    }

    private static int migrationFiles() throws Exception {
        Path dir = Path.of(System.getProperty("user.dir"))
                .getParent()
                .resolve("emr-connector/src/main/resources/db/migration");
        try (var files = java.nio.file.Files.list(dir)) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+.*\\.sql"))
                    .count();
        }
    }

    @Test
    @Order(2)
    void eachBffSpreadsItsConnectorCallsOverBothConnectors() throws Exception {
        long before = emrA.lookups("match") + emrB.lookups("match");
        String run = EmrConnectorProcess.randomHex(4);
        for (BffProcess bff : List.of(bffA, bffB)) {
            for (int i = 0; i < 4; i++) {
                // The BFF forwards a caller's X-Request-Id to the connector, whose access log shows it.
                String body = JSON.writeValueAsString(Map.of(
                        "query", SIGN_IN, "variables", Map.of("h", "HR9T3W", "a", "200100", "l", "Nguyen-Smith")));
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(bff.url() + "/graphql"))
                                .header("Content-Type", "application/json")
                                .header("X-Request-Id", "rr-" + run + "-" + (bff == bffA ? "a" : "b") + "-" + i)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(JSON.readTree(r.body()).at("/data/signIn/ok").asBoolean())
                        .as(r.body())
                        .isTrue();
            }
        }
        for (String bff : List.of("a", "b")) {
            for (EmrConnectorProcess emr : List.of(emrA, emrB)) {
                assertThat(emr.log())
                        .as("BFF %s's requests in connector log %s", bff, emr.logFile())
                        .contains("\"requestId\":\"rr-" + run + "-" + bff + "-");
            }
        }
        assertThat(emrA.lookups("match") + emrB.lookups("match") - before)
                .as("one look-up per sign-in")
                .isEqualTo(8);
    }

    @Test
    @Order(3)
    void aSessionIssuedByAWorksOnBAndSignOutOnAIsRefusedOnB() {
        GraphQLTestClient onA = new GraphQLTestClient(bffA.url());
        assertThat(signIn(onA, "K7MX4Q", "100234", "Garcia")).isTrue();
        GraphQLTestClient onB = new GraphQLTestClient(bffB.url());
        onB.cookies().putAll(onA.cookies());
        GraphQLTestClient.Result onBBefore = onB.execute(HOUSEHOLD);
        assertThat(onBBefore.data().at("/household/guarantorName").asText())
                .as(onBBefore.raw())
                .isNotBlank();

        Map<String, String> issued = new HashMap<>(onA.cookies());
        assertThat(onA.execute("mutation { signOut }").data().at("/signOut").asBoolean())
                .isTrue();
        // B holds the very cookie A issued and revoked: refused.
        onB.cookies().clear();
        onB.cookies().putAll(issued);
        GraphQLTestClient.Result after = onB.execute(HOUSEHOLD);
        // "The signed-in household; null when there is no valid session."
        assertThat(after.data().at("/household").isNull()).as(after.raw()).isTrue();
        // ... and A, which revoked it, agrees.
        onA.cookies().clear();
        onA.cookies().putAll(issued);
        assertThat(onA.execute(HOUSEHOLD).data().at("/household").isNull()).isTrue();
    }

    @Test
    @Order(4)
    void theSignInLockoutCountsAcrossBothInstances() {
        // 5 wrong names for one account, alternating instances (3 on A, 2 on B): neither alone reached the limit.
        for (int i = 0; i < 5; i++) {
            GraphQLTestClient c = new GraphQLTestClient(i % 2 == 0 ? bffA.url() : bffB.url());
            assertThat(signIn(c, "K7MX4Q", "100235", "Wrongname" + i)).isFalse();
        }
        long lookupsBefore =
                emrA.lookups("match") + emrB.lookups("match") + emrA.lookups("no_match") + emrB.lookups("no_match");
        // The right name is refused on either instance: the account is locked for both.
        assertThat(signIn(new GraphQLTestClient(bffB.url()), "K7MX4Q", "100235", "O'Brien"))
                .isFalse();
        assertThat(signIn(new GraphQLTestClient(bffA.url()), "K7MX4Q", "100235", "O'Brien"))
                .isFalse();
        long lookupsAfter =
                emrA.lookups("match") + emrB.lookups("match") + emrA.lookups("no_match") + emrB.lookups("no_match");
        assertThat(lookupsAfter)
                .as("a locked account's guesses never reach a connector")
                .isEqualTo(lookupsBefore);
    }

    @Test
    @Order(5)
    void aOneTimePdfLinkMintedOnAIsServedOnceByB() throws Exception {
        String txId = pay("K7MX4Q", "100234", "Garcia", 1234);
        GraphQLTestClient onA = new GraphQLTestClient(bffA.url());
        assertThat(signIn(onA, "K7MX4Q", "100234", "Garcia")).isTrue();
        GraphQLTestClient.Result minted = onA.execute(DOWNLOAD, "id", txId);
        String path = minted.data().at("/downloadReceipt/url").asText();
        assertThat(path).as(minted.raw()).startsWith("/receipts/download/");

        HttpResponse<byte[]> first = get(bffB.url() + path);
        assertThat(first.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(first.body())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains(txId, "$12.34");
        }
        assertThat(get(bffB.url() + path).statusCode()).isEqualTo(404);
        assertThat(get(bffA.url() + path).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void aWebhookBurstWithAConnectorKilledAndABffTerminatedLosesNothingAndDoublesNothing() throws Exception {
        long phaseStart = System.nanoTime();
        String household = lookup("HR9T3W", "200100", "Nguyen-Smith").path("id").asText();
        int payments = 500;
        Random random = new Random(15);
        List<String> intents = new ArrayList<>();
        Map<String, Long> amounts = new HashMap<>();
        ExecutorService setup = Executors.newFixedThreadPool(4);
        List<CompletableFuture<String>> created = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            long cents = 50 + random.nextInt(5000);
            created.add(CompletableFuture.supplyAsync(() -> attempt(household, cents), setup));
            amounts.put("#" + i, cents);
        }
        for (int i = 0; i < payments; i++) {
            String intent = created.get(i).join();
            intents.add(intent);
            amounts.put(intent, amounts.remove("#" + i));
        }
        setup.shutdown();
        List<String> deliveries = new ArrayList<>();
        int duplicates = 0;
        int reorders = 0;
        for (String intent : intents) {
            long cents = amounts.get(intent);
            String success = paymentIntentEvent("payment_intent.succeeded", intent, cents);
            boolean reordered = random.nextDouble() < 0.10;
            if (reordered) {
                // A stale failure delivered before the success (Stripe does not order deliveries).
                deliveries.add(paymentIntentEvent("payment_intent.payment_failed", intent, cents));
                reorders++;
            }
            deliveries.add(success);
            if (random.nextDouble() < 0.30) {
                deliveries.add(success);
                duplicates++;
            }
        }
        long expectedTotal = intents.stream().mapToLong(amounts::get).sum();

        AtomicInteger viaA = new AtomicInteger();
        AtomicInteger viaB = new AtomicInteger();
        AtomicInteger viaGateway = new AtomicInteger();
        AtomicBoolean readinessDownWhileLive = new AtomicBoolean();
        AtomicInteger signInsWhileConnectorADown = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(6);
        ExecutorService chaos = Executors.newFixedThreadPool(2);
        AtomicInteger accepted = new AtomicInteger();
        int total = deliveries.size();
        List<java.util.concurrent.Future<?>> chaosDone = new ArrayList<>();
        // Connector A is killed (SIGKILL) once a quarter of the deliveries were accepted and started again; BFF B gets
        // SIGTERM at half — both while deliveries keep arriving and the consumers are busy.
        chaosDone.add(chaos.submit(() -> {
            awaitCount(accepted, total / 4);
            emrA.kill();
            // While connector A is down, BFF A keeps working on connector B (failover on refused connections).
            for (int k = 0; k < 3; k++) {
                if (signIn(new GraphQLTestClient(bffA.url()), "HR9T3W", "200100", "Nguyen-Smith")) {
                    signInsWhileConnectorADown.incrementAndGet();
                }
            }
            emrA.start();
            return null;
        }));
        chaosDone.add(chaos.submit(() -> {
            awaitCount(accepted, total / 2);
            bffB.sigterm();
            while (bffB.process().isAlive()) {
                int ready = bffB.status("/health/readiness");
                int live = bffB.status("/health/liveness");
                int managementLive = BffProcess.statusOf(bffB.managementUrl() + "/health/liveness");
                if (ready == 503 && live == 200 && managementLive == 200) {
                    readinessDownWhileLive.set(true);
                }
                Thread.sleep(20);
            }
            return null;
        }));
        for (int i = 0; i < total; i++) {
            String event = deliveries.get(i);
            int n = i;
            senders.submit(() -> {
                if (n % 5 == 4) {
                    gatewayShaped(event);
                    viaGateway.incrementAndGet();
                } else if (deliver(n % 2 == 0 ? bffA : bffB, event)) {
                    (n % 2 == 0 ? viaA : viaB).incrementAndGet();
                } else if (deliver(n % 2 == 0 ? bffB : bffA, event)) {
                    // Stripe retries a delivery the load balancer could not place; the other instance takes it.
                    (n % 2 == 0 ? viaB : viaA).incrementAndGet();
                } else {
                    throw new IllegalStateException("no BFF accepted a delivery");
                }
                accepted.incrementAndGet();
                if (n % 25 == 24) {
                    Thread.sleep(50); // spread the burst over several seconds so the faults land inside it
                }
                return null;
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(180, TimeUnit.SECONDS)).isTrue();
        for (var f : chaosDone) {
            f.get(120, TimeUnit.SECONDS);
        }
        chaos.shutdown();
        int exit = bffB.process().waitFor(60, TimeUnit.SECONDS) ? bffB.process().exitValue() : -1;

        Instant deadline = Instant.now().plusSeconds(180);
        Map<String, long[]> rows = ledgerRows();
        while ((!rows.keySet().containsAll(intents) || queueDepth() > 0)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            rows = ledgerRows();
        }
        Map<String, long[]> ledger = rows;
        long lost = intents.stream().filter(i -> !ledger.containsKey(i)).count();
        long doubled = intents.stream()
                .filter(i -> ledger.containsKey(i) && ledger.get(i)[0] > 1)
                .count();
        long ledgerTotal = intents.stream()
                .filter(ledger::containsKey)
                .mapToLong(i -> ledger.get(i)[1])
                .sum();
        long dlq = depth(queueName + "-dlq");
        System.out.printf(
                "MULTI-INSTANCE burst: payments=%d deliveries=%d duplicates=%d reordered=%d viaBffA=%d "
                        + "viaBffB=%d viaGatewayShape=%d lost=%d doubled=%d expectedCents=%d ledgerCents=%d dlq=%d "
                        + "bffBExit=%d signInsWhileConnectorADown=%d/3 phase=%d s%n",
                payments,
                deliveries.size(),
                duplicates,
                reorders,
                viaA.get(),
                viaB.get(),
                viaGateway.get(),
                lost,
                doubled,
                expectedTotal,
                ledgerTotal,
                dlq,
                exit,
                signInsWhileConnectorADown.get(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - phaseStart));
        assertThat(lost).isZero();
        assertThat(doubled).isZero();
        assertThat(ledgerTotal).isEqualTo(expectedTotal);
        assertThat(dlq).as("nothing dead-lettered (every message verified)").isZero();
        assertThat(signInsWhileConnectorADown.get()).isEqualTo(3);
        // BFF B's graceful shutdown: readiness went down while it was still live, then it drained and exited 0.
        assertThat(readinessDownWhileLive.get()).isTrue();
        assertThat(exit).as("BFF B exit status; log %s", bffB.logFile()).isZero();
        assertThat(bffB.log())
                .contains("readiness down, queue consumer stops taking messages")
                .contains("Drained in");
        assertThat(bffA.process().isAlive()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void awaitCount(AtomicInteger counter, int atLeast) throws InterruptedException {
        while (counter.get() < atLeast) {
            Thread.sleep(5);
        }
    }

    private static boolean signIn(GraphQLTestClient c, String practice, String account, String lastName) {
        GraphQLTestClient.Result r = c.execute(SIGN_IN, "h", practice, "a", account, "l", lastName);
        JsonNode ok = r.data().at("/signIn/ok");
        if (ok.isMissingNode()) {
            throw new AssertionError("signIn answered no data: " + r.raw());
        }
        return ok.asBoolean();
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A connector call with the service credential, to whichever connector is up (tests play the PMS here). */
    private JsonNode connector(String method, String path, Object body) {
        for (EmrConnectorProcess emr : List.of(emrB, emrA)) {
            try {
                return ConnectorApi.call(emr.url(), apiKey, method, path, body);
            } catch (java.io.IOException e) {
                // that connector is down: the other one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no connector answered " + path);
    }

    private JsonNode lookup(String practice, String account, String lastName) {
        return connector(
                "POST",
                "/api/v1/households/lookup",
                Map.of("practiceHash", practice, "accountNumber", account, "lastName", lastName));
    }

    /** An attempt with a provider intent, as startPayment leaves it. */
    private String attempt(String householdId, long cents) {
        JsonNode attempt = connector(
                "POST",
                "/api/v1/payment-attempts",
                Map.of(
                        "householdId",
                        householdId,
                        "amountCents",
                        cents,
                        "idempotencyKey",
                        UUID.randomUUID().toString()));
        String intent = "pi_multi" + UUID.randomUUID().toString().replace("-", "");
        connector(
                "PUT",
                "/api/v1/payment-attempts/" + attempt.path("id").asText() + "/intent",
                Map.of("providerIntentId", intent));
        return intent;
    }

    /** A posted card payment (the ledger's transaction id). */
    private String pay(String practice, String account, String lastName, long cents) {
        String intent = attempt(lookup(practice, account, lastName).path("id").asText(), cents);
        return connector("POST", "/api/v1/transactions", ConnectorApi.cardTransaction(intent, cents))
                .path("id")
                .asText();
    }

    /** Posts a freshly signed delivery to a BFF's webhook endpoint; whether it answered 200. */
    private static boolean deliver(BffProcess bff, String event) {
        HttpRequest request = StripeWebhooks.signedDelivery(bff.url() + "/webhooks/stripe", event, SECRET)
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** The message API Gateway's SQS integration writes (infra/lib/webhook-ingress.ts). */
    private void gatewayShaped(String event) {
        Instant now = Instant.now();
        String url = sqsClient.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        sqsClient.sendMessage(b -> b.queueUrl(url)
                .messageBody(event)
                .messageAttributes(Map.of(
                        "Stripe-Signature",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue(
                                                StripeSignatureVerifier.header(event, SECRET, now.getEpochSecond()))
                                        .build(),
                        "receivedAt",
                                MessageAttributeValue.builder()
                                        .dataType("Number")
                                        .stringValue(Long.toString(now.toEpochMilli()))
                                        .build(),
                        "ingress",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue("api-gateway")
                                        .build())));
    }

    private long queueDepth() {
        return depth(queueName);
    }

    private long depth(String name) {
        String url = sqsClient.getQueueUrl(b -> b.queueName(name)).queueUrl();
        Map<QueueAttributeName, String> a = sqsClient
                .getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    /** provider reference → (transactions, sum of cents) in the shared database. */
    private Map<String, long[]> ledgerRows() throws Exception {
        Map<String, long[]> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(emrB.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT provider_reference, count(*), sum(amount_cents) FROM transactions "
                        + "WHERE provider_reference LIKE 'pi_multi%' GROUP BY provider_reference")) {
            while (r.next()) {
                rows.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
            }
        }
        return rows;
    }
}

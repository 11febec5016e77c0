package com.patientpayments.bff.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patientpayments.bff.reconciliation.Reconciliation;
import com.patientpayments.bff.testsupport.Await;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.webhook.WebhookConsumer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations kit (ops/prometheus/alerts.yml, ops/grafana/patient-payments.json) against a real running BFF (real
 * connector, PostgreSQL, Redis, ElasticMQ; SIMULATED provider): the patient flow, a payment through the webhook queue,
 * a receipt PDF and email, a lost webhook repaired by reconciliation, then a scrape of the Prometheus endpoint. Every
 * metric name an alert rule or a dashboard query uses must be in the scrape — a renamed meter breaks this test, not a
 * night of silent alerting. Also checks the reconciliation log line the AWS stack's metric filter reads.
 */
class OpsMetricsExportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PRACTICE = "HR9T3W";
    private static final String ACCOUNT = "200100";
    private static final String LAST_NAME = "Nguyen-Smith";
    private static final String START =
            "mutation($a: Int!, $k: String) { startPayment(amountCents: $a, idempotencyKey: $k) "
                    + "{ paymentId clientSecret } }";
    private static final String CONFIRM =
            "mutation($id: ID!, $card: String!) { confirmSimulatedPayment(paymentId: $id, "
                    + "cardNumber: $card) { id status } }";
    private static final String PAYMENT = "query($id: ID!) { payment(id: $id) { status txId } }";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** PromQL words that are not metric names: functions are recognised by the "(" after them. */
    private static final Set<String> PROMQL_KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "offset",
            "bool",
            "inf",
            "nan");

    private static EmbeddedServer server;
    private static GraphQLTestClient patient;

    @BeforeAll
    static void start() {
        Map<String, Object> p = new HashMap<>(BffTestSupport.properties(OpsMetricsExportTest.class));
        p.put("micronaut.server.host", "127.0.0.1");
        p.put("payments.session.cookie-secure", "false");
        p.put("payments.stripe.secret-key", "");
        p.put("payments.webhook.secrets", "whsec_ops_metrics_test");
        p.put("payments.queue.name", "ops-" + UUID.randomUUID());
        p.put("payments.queue.wait-time", "1s");
        // The test drives the consumer and reconciliation itself (a lost webhook needs the consumer stopped).
        p.put("payments.queue.consumer-enabled", "false");
        p.put("payments.reconciliation.enabled", "false");
        // The practice's direct charges live on its connected account, which the Stripe stand-in keeps apart like
        // Stripe does: reconciliation scans it when told to (as in PaymentFaultTest and the demo).
        p.put("payments.reconciliation.connected-accounts", "acct_1DemoLakeside00");
        server = ApplicationContext.run(EmbeddedServer.class, p);
        server.getApplicationContext().getBean(graphql.GraphQL.class);
        patient = new GraphQLTestClient(server.getURL());
        var signIn = signIn(patient, LAST_NAME);
        assertThat(signIn.data().at("/signIn/ok").asBoolean()).as(signIn.raw()).isTrue();
    }

    /** The SPA's SignIn operation (answering only {@code ok}) for the demo household, with {@code lastName}. */
    private static GraphQLTestClient.Result signIn(GraphQLTestClient client, String lastName) {
        return client.execute(
                "mutation SignIn($h: ID!, $a: String!, $l: String!) { signIn(practiceHash: $h, "
                        + "accountNumber: $a, lastName: $l) { ok } }",
                "h",
                PRACTICE,
                "a",
                ACCOUNT,
                "l",
                lastName);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * Where the BFF's Prometheus endpoint is. The one place that knows: when {@code /prometheus} moves to the
     * management port, repoint this (and only this).
     */
    static URI prometheusEndpoint(EmbeddedServer bff) {
        return URI.create(BffTestSupport.managementUrl(bff).toString().replaceAll("/$", "") + "/prometheus");
    }

    @Test
    void everyMetricTheAlertRulesAndTheDashboardUseIsExportedByARunningBff() {
        exerciseEverything();
        // Micrometer registers jvm_gc_pause_* on the first GC notification; a short test run may not have collected
        // yet. A running production BFF always has, so ask for one collection and wait for its notification.
        System.gc();
        await("a GC pause recorded", () -> exportedNames(scrape()).contains("jvm_gc_pause_seconds_sum"));
        Set<String> exported = exportedNames(scrape());
        Map<String, Set<String>> referenced = referencedNames();
        assertThat(referenced.get("ops/prometheus/alerts.yml"))
                .contains(
                        "payments_webhook_dlq_depth",
                        "http_server_requests_seconds_count",
                        "pp_graphql_operation_seconds_bucket",
                        "payments_reconciliation_repaired_total",
                        "process_start_time_seconds");
        assertThat(referenced.get("ops/grafana/patient-payments.json")).hasSizeGreaterThan(15);
        referenced.forEach((file, names) -> {
            System.out.println("# " + file + " uses " + names.size() + " metric names, all exported: " + names);
            assertThat(exported)
                    .as("metric names %s uses that the BFF does not export", file)
                    .containsAll(names);
        });
    }

    @Test
    void theReconciliationLogLineCarriesTheRepairedCountAsANumberForTheCloudWatchMetricFilter() throws IOException {
        WebhookConsumer consumer = server.getApplicationContext().getBean(WebhookConsumer.class);
        consumer.stop(); // the webhook of the next payment is "lost": it stays in the queue
        Paid paid = payAndConfirm(130);
        Logger logger = (Logger) LoggerFactory.getLogger(Reconciliation.class);
        List<JsonNode> lines = captureJson(logger, () -> {
            Instant now = Instant.now();
            var report = server.getApplicationContext()
                    .getBean(Reconciliation.class)
                    .run(now.minus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(1)));
            assertThat(report.repairedTransactionIds()).hasSize(1);
        });
        JsonNode line = lines.stream()
                .filter(l -> l.path("message").asText().startsWith("Reconciliation "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reconciliation line in " + lines));
        // What the metric filter of infra/lib/alarms.ts matches: { ($.logger_name = "<logger>") && ($.repaired >= 0) }.
        String filterLogger = infraConstant("infra/lib/alarms.ts", "RECONCILIATION_LOGGER");
        assertThat(line.path("logger_name").asText()).isEqualTo(filterLogger).isEqualTo(Reconciliation.class.getName());
        assertThat(line.path("repaired").isNumber()).as(line.toString()).isTrue();
        assertThat(line.path("repaired").asInt()).isEqualTo(1);
        assertThat(line.path("providerSucceeded").isNumber()).isTrue();
        assertThat(line.path("message").asText()).contains("repaired=1");
        assertThat(line.path("repairedTx").toString()).doesNotContain(paid.intentId());
        assertThat(line.toString()).doesNotContain(LAST_NAME).doesNotContain(ACCOUNT);
        consumer.start();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "max(payments_webhook_dlq_depth) > 0 | payments_webhook_dlq_depth",
                "histogram_quantile(0.95, sum by (le, operation) (rate(pp_x_seconds_bucket[$__rate_interval]))) > 1 | pp_x_seconds_bucket",
                "100 * sum(rate(a_total{status=~\"5..\",uri!=\"/x(y)\"}[5m])) / sum(rate(a_total[5m])) > 1 | a_total",
                "min_over_time(sum(q_depth)[5m:1m]) > 0 unless on() sum(increase(p_total[5m])) > 0 | p_total q_depth",
                "changes(process_start_time_seconds[5m]) > 0 | process_start_time_seconds",
                "sum by (practice, step) (increase(pp_funnel_total[$__range])) | pp_funnel_total",
                "a:recorded:rate5m or on(instance) b offset 5m | a:recorded:rate5m b",
            })
    void metricNamesAreReadFromPromQl(String expr, String names) {
        assertThat(metricNames(expr))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(names.trim().split(" ")));
    }

    // --- the exercise ---------------------------------------------------------------------------------------------

    private static void exerciseEverything() {
        GraphQLTestClient anonymous = new GraphQLTestClient(server.getURL());
        anonymous.execute("query Landing { practice(hash: \"" + PRACTICE + "\") { name } }");
        signIn(anonymous, "Wrongname");
        anonymous.get("/no-such-page");
        patient.execute("query Charges { household { charges { id } } }");

        Instant now = Instant.now();
        server.getApplicationContext().getBean(Reconciliation.class).run(now.minus(Duration.ofHours(1)), now);
        server.getApplicationContext().getBean(WebhookConsumer.class).start();
        String paymentId = payAndConfirm(140).paymentId();
        await(
                "payment posted by the consumer",
                () -> "SUCCEEDED"
                        .equals(patient.execute(PAYMENT, "id", paymentId)
                                .data()
                                .at("/payment/status")
                                .asText()));
        String txId = patient.execute(PAYMENT, "id", paymentId)
                .data()
                .at("/payment/txId")
                .asText();

        var download = patient.execute("mutation($id: ID!) { downloadReceipt(txId: $id) { url } }", "id", txId);
        String url = download.data().at("/downloadReceipt/url").asText();
        assertThat(url).as(download.raw()).isNotBlank();
        assertThat(get(URI.create(url).isAbsolute() ? URI.create(url) : URI.create(server.getURL() + url))
                        .statusCode())
                .isEqualTo(200);
        var email = patient.execute(
                "mutation($id: ID!, $e: String!) { emailReceipt(txId: $id, email: $e) { queued } }",
                "id",
                txId,
                "e",
                "ops-metrics@example.com");
        assertThat(email.data().at("/emailReceipt/queued").asBoolean())
                .as(email.raw())
                .isTrue();
        await("receipt email sent", () -> sampleSum(scrape(), "email_send_seconds_count") >= 1);
    }

    /** A payment started and confirmed with the success test card. */
    private record Paid(String paymentId, String intentId) {}

    private static Paid payAndConfirm(long cents) {
        var started = patient.execute(START, "a", cents, "k", UUID.randomUUID().toString());
        String paymentId = started.data().at("/startPayment/paymentId").asText(null);
        String secret = started.data().at("/startPayment/clientSecret").asText("");
        assertThat(paymentId).as(started.raw()).isNotNull();
        assertThat(secret).contains("_secret_");
        var confirmed = patient.execute(CONFIRM, "id", paymentId, "card", "4242424242424242");
        assertThat(confirmed.data().at("/confirmSimulatedPayment/id").asText())
                .as(confirmed.raw())
                .isEqualTo(paymentId);
        return new Paid(paymentId, secret.substring(0, secret.indexOf("_secret_")));
    }

    // --- Prometheus text and PromQL -------------------------------------------------------------------------------

    private static String scrape() {
        HttpResponse<String> r = get(prometheusEndpoint(server));
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** Sample names of a Prometheus text exposition ({@code name{labels} value} or {@code name value}). */
    static Set<String> exportedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            Matcher m = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The sum of a sample's values over all its label sets (0 when absent). */
    static double sampleSum(String exposition, String name) {
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$")
                .matcher(exposition);
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }

    /** Metric names a PromQL expression selects: identifiers that are neither functions, keywords nor labels. */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // string literals
                .replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // ranges, subqueries
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ") // label lists
                .replaceAll("\\boffset\\s+\\d+[smhdwy]", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(s);
        while (m.find()) {
            String token = m.group();
            boolean function = s.substring(m.end()).matches("(?s)\\s*\\(.*");
            if (!function && !PROMQL_KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }

    /** Metric names used by the alert rules and by the dashboard's queries, per file. */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> referencedNames() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Map<String, Object> rules = new Yaml().load(read("ops/prometheus/alerts.yml"));
        Set<String> alertNames = new TreeSet<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alertNames.addAll(metricNames((String) rule.get("expr")));
            }
        }
        out.put("ops/prometheus/alerts.yml", alertNames);
        Set<String> dashboardNames = new TreeSet<>();
        try {
            JsonNode dashboard = JSON.readTree(read("ops/grafana/patient-payments.json"));
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    dashboardNames.addAll(metricNames(target.path("expr").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.put("ops/grafana/patient-payments.json", dashboardNames);
        return out;
    }

    // --- plumbing -------------------------------------------------------------------------------------------------

    private static List<JsonNode> captureJson(Logger logger, Runnable action) throws IOException {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(ctx);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(ctx);
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
            appender.stop();
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /** A string constant of the infra sources ({@code export const NAME = '…';}). */
    private static String infraConstant(String file, String name) {
        Matcher m = Pattern.compile("export const " + name + " = '([^']+)'").matcher(read(file));
        assertThat(m.find()).as("%s in %s", name, file).isTrue();
        return m.group(1);
    }

    private static String read(String repoPath) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (int i = 0; i < 3 && dir != null; i++, dir = dir.getParent()) {
            Path file = dir.resolve(repoPath);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException(repoPath + " not found above " + System.getProperty("user.dir"));
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, WAIT, Duration.ofMillis(100), condition);
    }
}

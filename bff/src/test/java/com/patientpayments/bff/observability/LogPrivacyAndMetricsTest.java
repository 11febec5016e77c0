package com.patientpayments.bff.observability;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static com.patientpayments.bff.testsupport.BffTestSupport.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import com.patientpayments.bff.testsupport.BffTestProperties;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Runs the patient flow (landing, a failed and a good sign-in, charges, sign-out) with the production JSON encoder at
 * INFO and checks: every request line carries a request id; no account number, last name or session token appears in
 * the logs or in the Prometheus output; the histograms and funnel counters are exported.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogPrivacyAndMetricsTest implements BffTestProperties {

    @Inject
    EmbeddedServer server;

    @Test
    void theFlowLeavesNoPiiInLogsOrMetrics() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(ctx);
        encoder.start();
        OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(ctx);
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        Level before = root.getLevel();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        String token;
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        try {
            c.execute("query Landing { practice(hash: \"" + PRACTICE + "\") { name } }");
            c.execute(SIGN_IN, "h", PRACTICE, "a", ACCOUNT, "l", "Garcíaz");
            c.execute(SIGN_IN, "h", PRACTICE, "a", ACCOUNT, "l", "García");
            token = c.cookies().get("pp_session");
            c.execute("query Household { household { guarantorName charges { patientName procedureName } } }");
            c.execute("mutation SignOut { signOut }");
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
            appender.stop();
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        List<String> requestLines = Arrays.stream(logs.split("\n"))
                .filter(l -> l.contains("/graphql"))
                .toList();
        assertThat(requestLines).hasSizeGreaterThanOrEqualTo(5);
        assertThat(requestLines).allMatch(l -> l.contains("\"requestId\""));
        assertThat(token).isNotBlank();
        for (String secret :
                new String[] {ACCOUNT, "Garc", "GARC", "Maria", "Lucas", "Sofia", token, token.substring(0, 20)}) {
            assertThat(logs).doesNotContain(secret);
        }

        String metrics = new GraphQLTestClient(BffTestSupport.managementUrl(server))
                .get("/prometheus")
                .raw();
        assertThat(metrics)
                .contains("pp_signin_seconds_bucket")
                .contains("pp_charges_fetch_seconds_bucket")
                .contains("pp_graphql_operation_seconds_bucket{operation=\"Household\"")
                .contains("pp_funnel_total{practice=\"K7MX4Q\",step=\"landing\"}")
                .contains("pp_funnel_total{practice=\"K7MX4Q\",step=\"signed_in\"}")
                .contains("pp_failures_total");
        for (String secret : new String[] {ACCOUNT, "Garc", "Maria", token.substring(0, 20)}) {
            assertThat(metrics).doesNotContain(secret);
        }
    }
}

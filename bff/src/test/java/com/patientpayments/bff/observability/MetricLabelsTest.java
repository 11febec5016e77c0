package com.patientpayments.bff.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Label cardinality over the wire: 100 random operation names, 100 random practice hashes and 100 random paths, then
 * every label of every BFF metric on the management port is counted. Client-chosen text never becomes a label value;
 * practice hashes appear only for practices that exist.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricLabelsTest implements TestPropertyProvider {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(BffTestSupport.properties(getClass()));
        p.put("payments.practice.max-lookup-misses", "1000");
        return p;
    }

    @Test
    void randomOperationNamesHashesAndPathsAddNoLabelValues() {
        SecureRandom random = new SecureRandom();
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        c.execute("query Practice($h: ID!) { practice(hash: $h) { name } }", "h", BffTestSupport.PRACTICE);
        for (int i = 0; i < 100; i++) {
            String name = "Abc" + Integer.toString(random.nextInt(1 << 30), 36) + "x" + i;
            c.execute("query " + name + " { __typename }");
            c.execute(
                    "query " + name + "($h: ID!) { practice(hash: $h) { name } }",
                    "h",
                    "ZZ" + Integer.toString(random.nextInt(1 << 20), 36).toUpperCase());
            c.execute("mutation " + name + " { signOut }");
            c.execute("query " + name + " { nope }"); // a validation error, counted under its code
            c.get("/p/" + name);
            c.get("/" + name + ".js");
            c.post("/graphql/" + name, "{}", "application/json");
        }
        String metrics = new GraphQLTestClient(BffTestSupport.managementUrl(server))
                .get("/prometheus")
                .raw();
        Map<String, Set<String>> values = new HashMap<>();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("#") || !line.contains("{")) {
                continue;
            }
            String metric = line.substring(0, line.indexOf('{'));
            Matcher m = LABEL.matcher(line.substring(line.indexOf('{'), line.lastIndexOf('}')));
            while (m.find()) {
                if (!m.group(1).equals("le") && !m.group(1).equals("quantile")) {
                    values.computeIfAbsent(metric + "/" + m.group(1), k -> new HashSet<>())
                            .add(m.group(2));
                }
            }
        }
        assertThat(values.get("pp_graphql_operation_seconds_count/operation"))
                .containsExactlyInAnyOrder("Practice", "other", "anonymous");
        values.forEach((label, seen) -> {
            assertThat(seen).as(label + " " + seen).hasSizeLessThan(20);
            assertThat(seen).as(label).noneMatch(v -> v.contains("Abc") || v.startsWith("ZZ"));
        });
        assertThat(values.get("pp_funnel_total/practice")).containsExactly(BffTestSupport.PRACTICE);
    }
}

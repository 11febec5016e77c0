package com.patientpayments.bff.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.GraphQLTestClient.Result;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request graphql-java refuses before execution — operation selection, parse, validation, variable coercion —
 * and every body that is not exactly one JSON object answers {@code errors[].extensions.code = BAD_USER_INPUT},
 * {@code retryable: false}, never HTTP 500, never a class name, and no resolver runs (no sign-in reaches the
 * connector). Money and every other {@code Int}: JSON integers only, in variables and literals.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestTest implements TestPropertyProvider {

    private static final String SIGN_IN =
            "signIn(practiceHash: \\\"K7MX4Q\\\", accountNumber: \\\"100234\\\", " + "lastName: \\\"Nobody\\\") { ok }";
    private static final String START = "mutation P($a: Int!) { startPayment(amountCents: $a) { paymentId } }";
    private static final String PREVIEW =
            "query V($a: Int!) { household { allocationPreview(amountCents: $a) " + "{ credit { cents } } } }";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(BffTestSupport.properties(getClass()));
        p.put("payments.sign-in.max-client-failures", "1000");
        return p;
    }

    static List<String[]> malformed() {
        return List.of(
                // operation selection
                new String[] {
                    "two operations, no operationName",
                    "{\"query\":\"query A { __typename } mutation B { " + SIGN_IN + " }\"}"
                },
                new String[] {"unknown operationName", "{\"query\":\"query A { __typename }\",\"operationName\":\"B\"}"
                },
                new String[] {
                    "operationName for an anonymous operation",
                    "{\"query\":\"mutation { " + SIGN_IN + " }\",\"operationName\":\"X\"}"
                },
                new String[] {
                    "operationName empty",
                    "{\"query\":\"query A { __typename } query B { __typename }\",\"operationName\":\"\"}"
                },
                new String[] {"two anonymous operations", "{\"query\":\"{ __typename } { __typename }\"}"},
                new String[] {"subscription without a subscription type", "{\"query\":\"subscription { x }\"}"},
                new String[] {"only a fragment", "{\"query\":\"fragment F on Query { __typename }\"}"},
                // parse
                new String[] {"unclosed brace", "{\"query\":\"{ __typename\"}"},
                new String[] {"stray braces", "{\"query\":\"}}}\"}"},
                new String[] {"bad token", "{\"query\":\"query ¤ { x }\"}"},
                new String[] {"unterminated string", "{\"query\":\"{ practice(hash: \\\"K7) { name } }\"}"},
                // validation
                new String[] {"unknown field", "{\"query\":\"{ nope }\"}"},
                new String[] {
                    "duplicate operation names",
                    "{\"query\":\"query A { __typename } query A { __typename }\"," + "\"operationName\":\"A\"}"
                },
                new String[] {"undefined variable", "{\"query\":\"query { practice(hash: $h) { name } }\"}"},
                new String[] {"unknown variable type", "{\"query\":\"query Q($h: Nope) { __typename }\"}"},
                new String[] {
                    "fragment cycle",
                    "{\"query\":\"{ ...A } fragment A on Query { ...B } " + "fragment B on Query { ...A }\"}"
                },
                new String[] {"bad directive argument", "{\"query\":\"{ __typename @skip(if: \\\"yes\\\") }\"}"},
                new String[] {
                    "Int literal out of range",
                    "{\"query\":\"mutation { startPayment(amountCents: " + "99999999999) { paymentId } }\"}"
                },
                new String[] {
                    "Float literal for Int",
                    "{\"query\":\"mutation { startPayment(amountCents: 250.0) " + "{ paymentId } }\"}"
                },
                new String[] {
                    "exponent literal for Int",
                    "{\"query\":\"mutation { startPayment(amountCents: 1e2) " + "{ paymentId } }\"}"
                },
                new String[] {
                    "String literal for Int",
                    "{\"query\":\"mutation { startPayment(amountCents: \\\"250\\\") " + "{ paymentId } }\"}"
                },
                // variable coercion
                new String[] {"missing required variable", "{\"query\":\"" + START + "\"}"},
                new String[] {"null for a non-null variable", "{\"query\":\"" + START + "\",\"variables\":{\"a\":null}}"
                },
                new String[] {"string for Int", "{\"query\":\"" + START + "\",\"variables\":{\"a\":\"250\"}}"},
                new String[] {"boolean for Int", "{\"query\":\"" + START + "\",\"variables\":{\"a\":true}}"},
                new String[] {"array for Int", "{\"query\":\"" + START + "\",\"variables\":{\"a\":[250]}}"},
                new String[] {"object for Int", "{\"query\":\"" + START + "\",\"variables\":{\"a\":{\"v\":250}}}"},
                new String[] {"float for Int", "{\"query\":\"" + START + "\",\"variables\":{\"a\":250.0}}"},
                new String[] {"fraction for Int", "{\"query\":\"" + START + "\",\"variables\":{\"a\":2.5}}"},
                new String[] {"exponent for Int", "{\"query\":\"" + START + "\",\"variables\":{\"a\":1e2}}"},
                new String[] {"beyond Int", "{\"query\":\"" + START + "\",\"variables\":{\"a\":99999999999}}"},
                new String[] {"exponent for Int (preview)", "{\"query\":\"" + PREVIEW + "\",\"variables\":{\"a\":2E3}}"
                },
                new String[] {
                    "object for ID",
                    "{\"query\":\"query Q($h: ID!) { practice(hash: $h) { name } }\","
                            + "\"variables\":{\"h\":{\"x\":1}}}"
                },
                new String[] {
                    "array for String",
                    "{\"query\":\"mutation S($a: String!) { signIn(practiceHash: "
                            + "\\\"K7MX4Q\\\", accountNumber: $a, lastName: \\\"X\\\") { ok } }\",\"variables\":{\"a\":[\"1\"]}}"
                },
                // the JSON body itself
                new String[] {
                    "duplicate query key", "{\"query\":\"{ __typename }\",\"query\":\"mutation { " + SIGN_IN + " }\"}"
                },
                new String[] {
                    "duplicate variables key",
                    "{\"query\":\"" + START + "\",\"variables\":{\"a\":100}," + "\"variables\":{\"a\":200}}"
                },
                new String[] {
                    "duplicate key inside variables",
                    "{\"query\":\"" + START + "\",\"variables\":{\"a\":100,\"a\":200}}"
                },
                new String[] {
                    "trailing object", "{\"query\":\"{ __typename }\"} {\"query\":\"mutation { " + SIGN_IN + " }\"}"
                },
                new String[] {"trailing garbage", "{\"query\":\"{ __typename }\"}garbage"},
                new String[] {"trailing bracket", "{\"query\":\"{ __typename }\"}]"},
                new String[] {"not JSON", "query { __typename }"},
                new String[] {"JSON string", "\"{ __typename }\""},
                new String[] {"query is a number", "{\"query\":42}"},
                new String[] {"operationName is a number", "{\"query\":\"{ __typename }\",\"operationName\":1}"},
                new String[] {"variables is an array", "{\"query\":\"{ __typename }\",\"variables\":[1]}"},
                new String[] {"batch", "[{\"query\":\"{ __typename }\"}]"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isABadUserInputNeverA500(String what, String body) {
        long lookupsBefore = EmrConnectorProcess.shared().lookups("no_match");
        Result r = new GraphQLTestClient(server.getURL()).post("/graphql", body, "application/json");
        assertThat(r.status()).as(r.raw()).isNotEqualTo(500).isIn(200, 400, 405, 413);
        assertThat(r.errorCode()).as(r.raw()).isEqualTo("BAD_USER_INPUT");
        assertThat(r.errors().path(0).path("extensions").path("retryable").asBoolean(true))
                .as(r.raw())
                .isFalse();
        assertThat(r.errors().path(0).path("message").asText())
                .as(r.raw())
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("graphql.")
                .doesNotContain("java.");
        assertThat(r.data().path("signIn").isMissingNode()
                        || r.data().path("signIn").isNull())
                .isTrue();
        assertThat(EmrConnectorProcess.shared().lookups("no_match"))
                .as("no resolver ran")
                .isEqualTo(lookupsBefore);
    }
}

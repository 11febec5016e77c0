package com.patientpayments.emr.api;

import static com.patientpayments.emr.support.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.emr.support.TestApp;
import com.patientpayments.emr.support.TestAppPerClass;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP contract's edges: credential, problem JSON for bad input, look-up privacy, docs. */
class ApiContractTest extends TestAppPerClass {
    private static final String LOOKUP = "/api/v1/households/lookup";

    @Test
    void everyRouteButHealthRequiresTheApiKey() {
        Router router = app.context().getBean(Router.class);
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes().toList();
        assertThat(routes).hasSizeGreaterThan(15);
        int checked = 0;
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate()
                    .expand(Map.of(
                            "hash",
                            "K7MX4Q",
                            "practiceId",
                            UUID.randomUUID(),
                            "householdId",
                            UUID.randomUUID(),
                            "attemptId",
                            UUID.randomUUID(),
                            "providerIntentId",
                            "pi_x",
                            "transactionId",
                            UUID.randomUUID(),
                            "providerReference",
                            "pi_x",
                            "from",
                            "",
                            "to",
                            ""));
            path = path.replaceAll("\\{[^}]*}", "x");
            String method = route.getHttpMethodName();
            String body = List.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
            if (path.equals("/health") || path.startsWith("/health/")) {
                continue;
            }
            for (String key : new String[] {null, "wrong", TestApp.KEY + "x", ""}) {
                TestApp.Response r = app.send(method, path, body, key);
                assertThat(r.status())
                        .as(method + " " + path + " with key " + key)
                        .isEqualTo(401);
                if (!method.equals("HEAD")) {
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(15);
        assertThat(app.send("GET", "/api/v1/no-such-route", null, null).status())
                .isEqualTo(401);
        assertThat(app.send("GET", "/health", null, null).status()).isEqualTo(200);
        assertThat(app.get("/api/v1/practices/by-hash/K7MX4Q").status()).isEqualTo(200);
    }

    @Test
    void practiceByHashOnlyForActiveHashes() {
        TestApp.Response active = app.get("/api/v1/practices/by-hash/k7mx4q");
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.json().get("name").asText()).isEqualTo("Bright Smiles Dental");
        assertThat(active.json().get("locations")).hasSize(2);
        assertThat(app.get("/api/v1/practices/by-hash/HR9T3W")
                        .json()
                        .get("stripeAccountId")
                        .asText())
                .isEqualTo("acct_1DemoLakeside00");
        TestApp.Response inactive = app.get("/api/v1/practices/by-hash/W3NPKV");
        TestApp.Response unknown = app.get("/api/v1/practices/by-hash/CCCCCC");
        assertThat(inactive.status()).isEqualTo(404);
        assertThat(inactive.raw()).isEqualTo(unknown.raw());
        assertThat(app.get("/api/v1/practices/" + active.json().get("id").asText())
                        .json()
                        .get("hash")
                        .asText())
                .isEqualTo("K7MX4Q");
    }

    @ParameterizedTest
    @ValueSource(strings = {"O'Brien", "obrien", "  O’BRIEN ", "o‘brien", "O BRIEN", "O-Brien"})
    void lookupNormalizesTheLastName(String lastName) {
        TestApp.Response r =
                app.post(LOOKUP, json("practiceHash", "K7MX4Q", "accountNumber", "100235", "lastName", lastName));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("guarantorName").asText()).isEqualTo("Sean O'Brien");
    }

    @ParameterizedTest
    @ValueSource(strings = {"García", "garcia", " GARCIA ", "Garcìa"})
    void lookupIgnoresAccents(String lastName) {
        TestApp.Response r =
                app.post(LOOKUP, json("practiceHash", "K7MX4Q", "accountNumber", " 100234 ", "lastName", lastName));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("balanceCents").asLong()).isGreaterThan(10_000);
        assertThat(r.json().get("patients")).hasSize(3);
    }

    @Test
    void wrongNameUnknownAccountAndUnknownPracticeAreIndistinguishable() {
        TestApp.Response wrongName =
                app.post(LOOKUP, json("practiceHash", "K7MX4Q", "accountNumber", "100234", "lastName", "Smith"));
        TestApp.Response unknownAccount =
                app.post(LOOKUP, json("practiceHash", "K7MX4Q", "accountNumber", "999999", "lastName", "Garcia"));
        TestApp.Response otherPractice =
                app.post(LOOKUP, json("practiceHash", "HR9T3W", "accountNumber", "100234", "lastName", "Garcia"));
        TestApp.Response inactivePractice =
                app.post(LOOKUP, json("practiceHash", "W3NPKV", "accountNumber", "100234", "lastName", "Garcia"));
        TestApp.Response unknownPractice =
                app.post(LOOKUP, json("practiceHash", "CCCCCC", "accountNumber", "100234", "lastName", "Garcia"));
        for (TestApp.Response r :
                List.of(wrongName, unknownAccount, otherPractice, inactivePractice, unknownPractice)) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).isEqualTo(wrongName.contentType());
            assertThat(r.raw()).isEqualTo(wrongName.raw());
        }
        assertThat(wrongName.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "not json",
                "[1,2]",
                "{\"amountCents\":\"abc\"}",
                "{\"amountCents\":-1}",
                "{\"amountCents\":0}",
                "{\"amountCents\":10000001}",
                "{\"amountCents\":99999999999999999999999}",
                "{\"amountCents\":1e30}",
                "{\"amountCents\":12.5}",
                "{\"amountCents\":null}",
                "{}",
                "\"\"",
                "{\"householdId\":null,\"amountCents\":100,\"idempotencyKey\":\"k\"}"
            })
    void malformedOrOutOfRangeInputIsA400Problem(String body) {
        String household = app.post(
                        LOOKUP, json("practiceHash", "K7MX4Q", "accountNumber", "100234", "lastName", "Garcia"))
                .json()
                .get("id")
                .asText();
        String withHousehold = body.startsWith("{\"amountCents\"")
                ? body.replace("{", "{\"householdId\":\"" + household + "\",\"idempotencyKey\":\"k-bad\",")
                : body;
        for (String[] call : new String[][] {
            {"/api/v1/payment-attempts", withHousehold},
            {"/api/v1/transactions", body},
            {LOOKUP, body.contains("amountCents") ? "{\"practiceHash\":5," + body.substring(1) : body},
        }) {
            TestApp.Response r = app.post(call[0], call[1]);
            assertThat(r.status()).as(call[0] + " " + call[1]).isEqualTo(400);
            assertThatProblem(r, "VALIDATION_FAILED");
        }
    }

    @Test
    void unknownAndNonUuidIdsAre404Problems() {
        String random = UUID.randomUUID().toString();
        for (String path : List.of(
                "/api/v1/households/" + random,
                "/api/v1/households/not-a-uuid",
                "/api/v1/households/" + random + "/charges",
                "/api/v1/practices/" + random,
                "/api/v1/practices/%27%3B--",
                "/api/v1/payment-attempts/" + random,
                "/api/v1/payment-attempts/by-intent/pi_nope",
                "/api/v1/transactions/" + random,
                "/api/v1/transactions/123",
                "/api/v1/transactions/by-reference/pi_nope",
                "/api/v1/transactions/" + random + "/receipt",
                "/api/v1/no-such-route",
                "/api/v1/transactions/by-reference/%00",
                "/api/v1/payment-attempts/by-intent/%00",
                "/api/v1/practices/by-hash/%00",
                "/api/v1/transactions/by-reference/%FF")) {
            TestApp.Response r = app.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThatProblem(r, "NOT_FOUND");
        }
        TestApp.Response refund =
                app.post("/api/v1/transactions/" + random + "/refunds", json("refundId", "re_1", "amountCents", 100));
        assertThat(refund.status()).isEqualTo(404);
        TestApp.Response attempt = app.post(
                "/api/v1/payment-attempts", json("householdId", random, "amountCents", 100, "idempotencyKey", "k"));
        assertThat(attempt.status()).isEqualTo(404);
        TestApp.Response post = app.postTransaction("pi_never_attempted", 100);
        assertThat(post.status()).isEqualTo(404);
        assertThatProblem(post, "NOT_FOUND");
    }

    @Test
    void controlCharactersAreA400NotADatabaseError() {
        TestApp.Response lookup = app.post(
                LOOKUP,
                "{\"practiceHash\":\"K7MX4Q\",\"accountNumber\":\"100234\"," + "\"lastName\":\"Gar\\u0000cia\"}");
        assertThat(lookup.status()).isEqualTo(400);
        assertThatProblem(lookup, "VALIDATION_FAILED");
        TestApp.Response failure = app.post(
                "/api/v1/payment-attempts/" + UUID.randomUUID() + "/failure", "{\"failureCode\":\"x\\u0000\"}");
        assertThat(failure.status()).isEqualTo(400);
    }

    @Test
    void wrongMethodAndMediaTypeAreProblemsToo() {
        TestApp.Response method = app.send("DELETE", "/api/v1/transactions/" + UUID.randomUUID(), null, TestApp.KEY);
        assertThat(method.status()).isEqualTo(405);
        assertThatProblem(method, "METHOD_NOT_ALLOWED");
        TestApp.Response window = app.get("/api/v1/transactions?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z");
        assertThat(window.status()).isEqualTo(400);
        assertThatProblem(window, "VALIDATION_FAILED");
        assertThat(app.get("/api/v1/transactions?from=yesterday&to=today").status())
                .isEqualTo(400);
    }

    @Test
    void openApiAndSwaggerUiAreServedFromTheJarBehindTheKey() {
        TestApp.Response spec = app.get("/openapi");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.raw()).contains("openapi:", "/api/v1/transactions", "/api/v1/households/lookup");
        TestApp.Response ui = app.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.raw())
                .contains("/swagger-ui/res/swagger-ui-bundle.js", "/swagger/emr-connector-v1.yml")
                .doesNotContain("https://");
        assertThat(app.get("/swagger-ui/res/swagger-ui-bundle.js").status()).isEqualTo(200);
        assertThat(app.get("/swagger/emr-connector-v1.yml").status()).isEqualTo(200);
        assertThat(app.send("GET", "/openapi", null, null).status()).isEqualTo(401);
    }

    @Test
    void docsCanBePublicWhileTheApiStaysProtected() {
        try (TestApp docs = TestApp.start(Map.of("payments.emr.docs-public", true, "payments.emr.seed-demo", false))) {
            assertThat(docs.send("GET", "/openapi", null, null).status()).isEqualTo(200);
            assertThat(docs.send("GET", "/swagger-ui/index.html", null, null).status())
                    .isEqualTo(200);
            assertThat(docs.send("GET", "/api/v1/practices/by-hash/K7MX4Q", null, null)
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void everyResponseCarriesARequestId() {
        assertThat(app.send("GET", "/health", null, null, "trace-abc-123").requestId())
                .isEqualTo("trace-abc-123");
        TestApp.Response generated =
                app.send("GET", "/api/v1/practices/by-hash/K7MX4Q", null, TestApp.KEY, "bad id with spaces");
        assertThat(generated.requestId()).isNotBlank().doesNotContain(" ");
        assertThat(app.send("GET", "/nope", null, null).requestId())
                .as("401s too")
                .isNotBlank();
    }

    static void assertThatProblem(TestApp.Response r, String code) {
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("status").asInt()).isEqualTo(r.status());
        assertThat(r.json().get("detail").asText()).isNotBlank();
        assertThat(r.raw()).doesNotContain("Exception", "java.", "at com.");
    }
}

package com.patientpayments.emr.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.emr.support.TestApp;
import com.patientpayments.emr.support.TestAppPerClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * Every numeric field of every request body the connector accepts — found in its generated OpenAPI document, so
 * endpoints added later are covered without editing this test — takes JSON integers only: booleans, strings,
 * arrays, objects, fractions and exponents answer {@code 400 VALIDATION_FAILED} problem JSON naming the field.
 * Bodies with duplicate keys or content after the JSON value are refused too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictJsonNumbersTest extends TestAppPerClass {

    /** What a lenient decoder turned into a number. */
    private static final List<String> NOT_INTEGERS = List.of(
            "true",
            "false",
            "\"250\"",
            "\"1e2\"",
            "[250]",
            "[]",
            "{\"value\":250}",
            "250.0",
            "2.5",
            "1e2",
            "1E2",
            "2.5e2",
            "-0.0",
            "\"\"",
            "99999999999999999999999.5");

    /** (method, path with ids filled in, field) for every numeric property of every JSON request body. */
    @SuppressWarnings("unchecked")
    private List<String[]> numericFields() {
        Map<String, Object> doc =
                new Yaml().load(app.send("GET", "/openapi", null, TestApp.KEY).raw());
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        List<String[]> fields = new ArrayList<>();
        for (var path : ((Map<String, Object>) doc.get("paths")).entrySet()) {
            for (var op : ((Map<String, Object>) path.getValue()).entrySet()) {
                Object body = op.getValue() instanceof Map<?, ?> m ? m.get("requestBody") : null;
                if (!(body instanceof Map<?, ?> b)) {
                    continue;
                }
                Map<String, Object> json =
                        (Map<String, Object>) ((Map<String, Object>) b.get("content")).get("application/json");
                if (json == null) {
                    continue; // a binary body (a logo upload): no JSON numbers to check
                }
                String ref = (String) ((Map<String, Object>) json.get("schema")).get("$ref");
                Map<String, Object> schema = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                for (var prop : props.entrySet()) {
                    Object type = ((Map<String, Object>) prop.getValue()).get("type");
                    if ("integer".equals(type) || "number".equals(type)) {
                        String concrete = path.getKey()
                                .replaceAll("\\{[^}]*}", UUID.randomUUID().toString());
                        fields.add(new String[] {op.getKey().toUpperCase(), concrete, prop.getKey()});
                    }
                }
            }
        }
        return fields;
    }

    @Test
    void everyNumericFieldOfEveryEndpointTakesJsonIntegersOnly() {
        List<String[]> fields = numericFields();
        // Today: attempts, transactions, refunds and disputes carry amountCents. More may come; none may go unseen.
        assertThat(fields)
                .extracting(f -> f[1].replaceAll("[0-9a-f-]{36}", "{id}") + "#" + f[2])
                .contains(
                        "/api/v1/payment-attempts#amountCents",
                        "/api/v1/transactions#amountCents",
                        "/api/v1/transactions/{id}/refunds#amountCents",
                        "/api/v1/transactions/{id}/disputes#amountCents");
        int checked = 0;
        for (String[] f : fields) {
            for (String bad : NOT_INTEGERS) {
                TestApp.Response r = app.send(f[0], f[1], "{\"" + f[2] + "\":" + bad + "}", TestApp.KEY);
                String what = f[0] + " " + f[1] + " " + f[2] + "=" + bad;
                assertThat(r.status()).as(what).isEqualTo(400);
                assertThat(r.contentType()).as(what).startsWith("application/problem+json");
                assertThat(r.json().get("code").asText()).as(what).isEqualTo("VALIDATION_FAILED");
                assertThat(r.json().get("detail").asText())
                        .as(what)
                        .startsWith(f[2] + " must be a JSON integer")
                        .doesNotContain("  ");
                checked++;
            }
            // An integer gets past the decoder: whatever the answer, it is not a complaint about this field's type.
            TestApp.Response ok = app.send(f[0], f[1], "{\"" + f[2] + "\":250}", TestApp.KEY);
            assertThat(ok.raw()).as(f[0] + " " + f[1] + " integer").doesNotContain("JSON integer");
        }
        assertThat(checked).isGreaterThanOrEqualTo(4 * NOT_INTEGERS.size());
    }

    @Test
    void duplicateKeysAndTrailingContentAreRefused() {
        String household = UUID.randomUUID().toString();
        for (String body : List.of(
                "{\"householdId\":\"" + household
                        + "\",\"amountCents\":100,\"amountCents\":100000,\"idempotencyKey\":\"k\"}",
                "{\"householdId\":\"" + household + "\",\"amountCents\":100,\"idempotencyKey\":\"k\"} {\"x\":1}",
                "{\"householdId\":\"" + household + "\",\"amountCents\":100,\"idempotencyKey\":\"k\"}]",
                "{\"householdId\":\"" + household + "\",\"amountCents\":100,\"idempotencyKey\":\"k\"}garbage")) {
            TestApp.Response r = app.send("POST", "/api/v1/payment-attempts", body, TestApp.KEY);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("code").asText()).as(body).isEqualTo("VALIDATION_FAILED");
        }
    }
}

package com.patientpayments.bff.household;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.LAST_NAME;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static com.patientpayments.bff.testsupport.BffTestSupport.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.testsupport.BffTestProperties;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.GraphQLTestClient.Result;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdChargesTest implements BffTestProperties {

    static final String HOUSEHOLD =
            "query H($s: [ChargeStatus!]) { household { guarantorName balance { cents currency formatted } "
                    + "credit { cents } practice { hash name } patients { id name balance { cents } } "
                    + "charges(status: $s) { id patientId patientName serviceDate procedureName providerName locationName "
                    + "amount { cents } balance { cents } status disputed } "
                    + "chargeSummary { count totalAmount { cents } totalBalance { cents } byStatus { status count totalBalance { cents } } } } }";

    @Inject
    EmbeddedServer server;

    @Inject
    RedisStore redis;

    @Inject
    HouseholdChargesCache cache;

    GraphQLTestClient signedIn(String account, String lastName) {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        assertThat(c.execute(SIGN_IN, "h", PRACTICE, "a", account, "l", lastName)
                        .data()
                        .at("/signIn/ok")
                        .asBoolean())
                .isTrue();
        return c;
    }

    @Test
    void chargesAreGroupedByPatientInNameOrderThenByDateWithProcedureNames() {
        JsonNode h = signedIn(ACCOUNT, LAST_NAME).execute(HOUSEHOLD).data().path("household");
        assertThat(h.path("guarantorName").asText()).isEqualTo("Maria García");
        assertThat(h.at("/practice/hash").asText()).isEqualTo(PRACTICE);
        List<String> patientNames = new ArrayList<>();
        h.path("patients").forEach(p -> patientNames.add(p.path("name").asText()));
        assertThat(patientNames).isSorted().hasSizeGreaterThanOrEqualTo(2);

        JsonNode charges = h.path("charges");
        long sum = 0;
        for (int i = 0; i < charges.size(); i++) {
            JsonNode c = charges.get(i);
            assertThat(c.path("procedureName").asText()).isNotBlank().doesNotMatch("D\\d{4}");
            assertThat(c.path("balance").path("cents").asLong()).isPositive();
            sum += c.path("balance").path("cents").asLong();
            if (i > 0) {
                JsonNode prev = charges.get(i - 1);
                int byPatient = Integer.compare(
                        patientNames.indexOf(prev.path("patientName").asText()),
                        patientNames.indexOf(c.path("patientName").asText()));
                assertThat(byPatient).isLessThanOrEqualTo(0);
                if (byPatient == 0) {
                    assertThat(prev.path("serviceDate").asText())
                            .isLessThanOrEqualTo(c.path("serviceDate").asText());
                }
            }
        }
        assertThat(sum).isEqualTo(h.at("/balance/cents").asLong());
        assertThat(h.at("/chargeSummary/count").asInt()).isEqualTo(charges.size());
        assertThat(h.at("/chargeSummary/totalBalance/cents").asLong()).isEqualTo(sum);
        long patientsSum = 0;
        for (JsonNode p : h.path("patients")) {
            patientsSum += p.at("/balance/cents").asLong();
        }
        assertThat(patientsSum).isEqualTo(sum);
    }

    @Test
    void statusFilterAndDisputedFlag() {
        GraphQLTestClient c = signedIn("100235", "O'Brien");
        JsonNode all = c.execute(HOUSEHOLD).data().path("household");
        JsonNode disputed =
                c.execute(HOUSEHOLD, "s", List.of("DISPUTED")).data().at("/household/charges");
        JsonNode partial =
                c.execute(HOUSEHOLD, "s", List.of("PARTIALLY_PAID")).data().at("/household/charges");
        assertThat(disputed.size()).isGreaterThanOrEqualTo(1);
        disputed.forEach(ch -> assertThat(ch.path("disputed").asBoolean()).isTrue());
        assertThat(partial.size()).isGreaterThanOrEqualTo(1);
        partial.forEach(ch -> assertThat(ch.path("balance").path("cents").asLong())
                .isLessThan(ch.path("amount").path("cents").asLong()));
        int byStatusCount = 0;
        for (JsonNode row : all.at("/chargeSummary/byStatus")) {
            byStatusCount += row.path("count").asInt();
        }
        assertThat(byStatusCount).isEqualTo(all.path("charges").size());
        Result bad = c.execute(HOUSEHOLD, "s", List.of("NOPE"));
        assertThat(bad.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void zeroBalanceHouseholdHasNoCharges() {
        JsonNode h = signedIn("100236", "Chen").execute(HOUSEHOLD).data().path("household");
        assertThat(h.path("charges").size()).isZero();
        assertThat(h.at("/balance/cents").asLong()).isZero();
        assertThat(h.at("/chargeSummary/byStatus").size()).isZero();
    }

    @Test
    void chargesAreCachedPerHouseholdAndEvictable() {
        GraphQLTestClient c = signedIn(ACCOUNT, LAST_NAME);
        redis.<List<String>>run(r -> r.keys(redis.key("household:*"))).forEach(k -> redis.run(r -> r.del(k)));
        c.execute("{ household { charges { id } } }");
        List<String> keys = redis.run(r -> r.keys(redis.key("household:*")));
        assertThat(keys).hasSize(1);
        String householdId = keys.get(0).substring(redis.key("household:").length());
        cache.evict(householdId);
        assertThat((long) redis.<Long>run(r -> r.exists(keys.get(0)))).isZero();
        c.execute("{ household { charges { id } } }");
        assertThat((long) redis.<Long>run(r -> r.exists(keys.get(0)))).isEqualTo(1L);
    }

    /**
     * The cache keeps the view it built from a Redis entry and reuses it while the entry is unchanged: a request after
     * the entry changed (another instance's refetch after a payment) shows the new entry, never the kept view.
     */
    @Test
    void aChangedCacheEntryIsWhatTheNextRequestShows() {
        GraphQLTestClient c = signedIn(ACCOUNT, LAST_NAME);
        JsonNode first = c.execute(HOUSEHOLD).data().path("household");
        assertThat(c.execute(HOUSEHOLD).data().path("household")).isEqualTo(first);
        String key = redis.<List<String>>run(r -> r.keys(redis.key("household:*"))).stream()
                .filter(k -> redis.<String>run(r -> r.get(k)).contains("\"accountNumber\":\"" + ACCOUNT + "\""))
                .findFirst()
                .orElseThrow();
        String entry = redis.<String>run(r -> r.get(key));
        String changed = entry.replace("\"guarantorName\":\"Maria García\"", "\"guarantorName\":\"Maria Changed\"")
                .replace(
                        "\"balanceCents\":" + first.at("/balance/cents").asLong() + ",",
                        "\"balanceCents\":" + (first.at("/balance/cents").asLong() - 100) + ",");
        assertThat(changed).isNotEqualTo(entry);
        redis.<String>run(r -> r.set(key, changed));
        try {
            JsonNode after = c.execute(HOUSEHOLD).data().path("household");
            assertThat(after.path("guarantorName").asText()).isEqualTo("Maria Changed");
            assertThat(after.at("/balance/cents").asLong())
                    .isEqualTo(first.at("/balance/cents").asLong() - 100);
        } finally {
            cache.evict(key.substring(redis.key("household:").length()));
        }
        assertThat(c.execute(HOUSEHOLD).data().path("household")).isEqualTo(first);
    }

    @Test
    void withoutASessionHouseholdIsNull() {
        Result r = new GraphQLTestClient(server.getURL()).execute("{ household { guarantorName } }");
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.data().path("household").isNull()).isTrue();
        GraphQLTestClient forged = new GraphQLTestClient(server.getURL());
        forged.cookies().put("pp_session", "eyJhbGciOiJub25lIn0.eyJoaWQiOiJ4In0.");
        assertThat(forged.execute("{ household { guarantorName } }")
                        .data()
                        .path("household")
                        .isNull())
                .isTrue();
    }
}

package com.patientpayments.bff.practice;

import static com.patientpayments.bff.testsupport.BffTestSupport.INACTIVE_PRACTICE;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.testsupport.BffTestProperties;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.GraphQLTestClient.Result;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeQueryTest implements BffTestProperties {

    static final String QUERY =
            "query Landing($h: ID!) { practice(hash: $h) { hash name phone phoneE164 timeZone logoUrl "
                    + "address { line1 city state postalCode formatted } locations { id name address { formatted } } } }";

    @Inject
    EmbeddedServer server;

    Result practice(String hash) {
        return new GraphQLTestClient(server.getURL()).execute(QUERY, "h", hash);
    }

    @Test
    void activePracticeHasLandingData() {
        JsonNode p = practice(PRACTICE).data().path("practice");
        assertThat(p.path("name").asText()).isEqualTo("Bright Smiles Dental");
        assertThat(p.path("timeZone").asText()).isEqualTo("America/Chicago");
        assertThat(p.path("locations").size()).isEqualTo(2);
        assertThat(p.at("/address/formatted").asText())
                .contains(p.at("/address/city").asText());
        // Second read comes from the cache and is identical.
        assertThat(practice(PRACTICE).data().path("practice")).isEqualTo(p);
    }

    @Test
    void unknownAndInactiveHashesAreNullWithoutErrors() {
        for (String hash : new String[] {"ZZZZZZ", INACTIVE_PRACTICE, "Q2W3E4R5"}) {
            Result r = practice(hash);
            assertThat(r.hasErrors()).as(r.raw()).isFalse();
            assertThat(r.data().path("practice").isNull()).as(hash).isTrue();
        }
    }

    @Test
    void badHashesAreBadInput() {
        for (String hash : new String[] {"", "x".repeat(10_000), "K7\u0000MX", "K7MX4Q\u2028", "Ñandú", "../x"}) {
            Result r = practice(hash);
            assertThat(r.errorCode()).as(hash.length() > 20 ? "long" : hash).isEqualTo("BAD_USER_INPUT");
            assertThat(r.errors().path(0).path("message").asText()).contains("hash");
        }
    }
}

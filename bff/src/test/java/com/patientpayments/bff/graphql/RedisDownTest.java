package com.patientpayments.bff.graphql;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.LAST_NAME;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static com.patientpayments.bff.testsupport.BffTestSupport.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.demo.LocalPorts;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.GraphQLTestClient.Result;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Redis unreachable (a closed port): reads go to the connector, sign-out and the limiter hold in memory. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisDownTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(BffTestSupport.properties(getClass()));
        p.put("payments.redis.uri", "redis://127.0.0.1:" + LocalPorts.freePort());
        p.put("payments.sign-in.max-client-failures", "1000");
        return p;
    }

    @Test
    void readsAndSessionsKeepWorking() {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        assertThat(c.execute("{ practice(hash: \"" + PRACTICE + "\") { name } }")
                        .data()
                        .at("/practice/name")
                        .asText())
                .isEqualTo("Bright Smiles Dental");
        assertThat(c.execute(SIGN_IN, "h", PRACTICE, "a", ACCOUNT, "l", LAST_NAME)
                        .data()
                        .at("/signIn/ok")
                        .asBoolean())
                .isTrue();
        Result household = c.execute("{ household { balance { cents } charges { id } } }");
        assertThat(household.hasErrors()).as(household.raw()).isFalse();
        assertThat(household.data().at("/household/charges").size()).isGreaterThanOrEqualTo(3);

        assertThat(BffTestSupport.householdAfterSignOutReplay(server.getURL(), c)
                        .isNull())
                .isTrue();
    }

    @Test
    void theLimiterNeverFailsOpen() {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        for (int i = 0; i < 5; i++) {
            assertThat(c.execute(SIGN_IN, "h", PRACTICE, "a", "100235", "l", "Wrong")
                            .data()
                            .at("/signIn/ok")
                            .asBoolean())
                    .isFalse();
        }
        assertThat(c.execute(SIGN_IN, "h", PRACTICE, "a", "100235", "l", "O'Brien")
                        .data()
                        .at("/signIn/ok")
                        .asBoolean())
                .isFalse();
    }
}

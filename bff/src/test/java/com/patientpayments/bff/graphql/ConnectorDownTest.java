package com.patientpayments.bff.graphql;

import static com.patientpayments.bff.testsupport.BffTestSupport.OTHER_PRACTICE;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real connector is stopped: reads answer UPSTREAM_UNAVAILABLE (retryable); after a restart all works again. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectorDownTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(BffTestSupport.properties(getClass()));
        p.put("payments.emr.circuit-reset", "300ms");
        return p;
    }

    @AfterAll
    void connectorBackUp() {
        EmrConnectorProcess.shared().start();
    }

    @Test
    void downConnectorIsUpstreamUnavailableAndRecovers() throws InterruptedException {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        EmrConnectorProcess.shared().stop();
        try {
            Result practice = c.execute("{ practice(hash: \"" + OTHER_PRACTICE + "\") { name } }");
            assertUpstream(practice);
            Result signIn = c.execute(
                    com.patientpayments.bff.testsupport.BffTestSupport.SIGN_IN,
                    "h",
                    PRACTICE,
                    "a",
                    "100234",
                    "l",
                    "Garcia");
            assertUpstream(signIn);
            assertThat(signIn.raw()).doesNotContain("Exception").doesNotContain("Connection refused");
            // While the circuit is open the answer is the same (and immediate).
            assertUpstream(c.execute("{ practice(hash: \"" + OTHER_PRACTICE + "\") { name } }"));
        } finally {
            EmrConnectorProcess.shared().start();
        }
        Result back = null;
        for (int i = 0; i < 50; i++) {
            back = c.execute("{ practice(hash: \"" + OTHER_PRACTICE + "\") { name } }");
            if (!back.hasErrors()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(back.data().at("/practice/name").asText()).as(back.raw()).isEqualTo("Lakeside Family Dentistry");
    }

    private static void assertUpstream(Result r) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.errorCode()).as(r.raw()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(r.errors().path(0).path("extensions").path("retryable").asBoolean())
                .isTrue();
    }
}

package com.patientpayments.bff.session;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.LAST_NAME;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Failures spread over many accounts from one address exhaust that address (limit lowered to 6 here). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAddressLimitTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(BffTestSupport.properties(getClass()));
        p.put("payments.sign-in.max-client-failures", "6");
        return p;
    }

    @Test
    void anAddressThatKeepsFailingIsRefusedEvenForCorrectDetails() {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        String first = null;
        for (int i = 0; i < 6; i++) {
            GraphQLTestClient.Result r =
                    c.execute(SessionFlowTest.SIGN_IN, "h", PRACTICE, "a", "90000" + i, "l", "Nobody");
            first = first == null ? r.raw() : first;
        }
        GraphQLTestClient.Result refused =
                c.execute(SessionFlowTest.SIGN_IN, "h", PRACTICE, "a", ACCOUNT, "l", LAST_NAME);
        assertThat(refused.data().at("/signIn/ok").asBoolean()).isFalse();
        assertThat(refused.raw()).isEqualTo(first);
        assertThat(refused.setCookies()).noneMatch(s -> s.startsWith("pp_session="));
    }
}

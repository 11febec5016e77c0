package com.patientpayments.bff.session;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.LAST_NAME;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle expiry with sliding renewal and the absolute maximum, with short timeouts (idle 4 s, absolute 6 s). The test
 * client keeps cookies past their Max-Age on purpose: it is the server that must refuse them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleExpiryTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(BffTestSupport.properties(getClass()));
        p.put("payments.session.idle-timeout", "4s");
        p.put("payments.session.absolute-timeout", "6s");
        return p;
    }

    GraphQLTestClient signedIn() {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        assertThat(c.execute(SessionFlowTest.SIGN_IN, "h", PRACTICE, "a", ACCOUNT, "l", LAST_NAME)
                .data().at("/signIn/ok").asBoolean()).isTrue();
        return c;
    }

    static boolean signedIn(GraphQLTestClient c) {
        return !c.execute("{ household { guarantorName } }").data().path("household").isNull();
    }

    @Test
    void requestsRenewTheSessionAndSilenceEndsIt() throws InterruptedException {
        GraphQLTestClient c = signedIn();
        Thread.sleep(2_500);
        assertThat(signedIn(c)).isTrue();
        Thread.sleep(2_500);
        assertThat(signedIn(c)).as("5 s after sign-in, 2.5 s after the last request").isTrue();

        GraphQLTestClient idle = signedIn();
        Thread.sleep(4_200);
        assertThat(signedIn(idle)).isFalse();
        assertThat(idle.cookies()).doesNotContainKey("pp_session");
    }

    @Test
    void theAbsoluteMaximumEndsAnActiveSession() throws InterruptedException {
        GraphQLTestClient c = signedIn();
        for (int i = 0; i < 3; i++) {
            Thread.sleep(1_500);
            assertThat(signedIn(c)).isTrue();
        }
        Thread.sleep(2_600);
        // The last renewal was 2.6 s ago (idle 4 s), but 7.1 s have passed since sign-in (absolute 6 s).
        assertThat(signedIn(c)).isFalse();
    }
}

package com.patientpayments.bff.session;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.LAST_NAME;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestProperties;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Idle expiry with sliding renewal and the absolute maximum, with short timeouts (idle 4 s, absolute 6 s). The test
 * client keeps cookies past their Max-Age on purpose: it is the server that must refuse them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleExpiryTest implements BffTestProperties {

    @Inject
    EmbeddedServer server;

    // Wide margins: requests can take a second or more on a loaded 2-core CI machine, and these checks must not
    // turn on that. Idle 5 s, absolute 12 s.
    @Override
    public Map<String, String> extraProperties() {
        return Map.of("payments.session.idle-timeout", "5s", "payments.session.absolute-timeout", "12s");
    }

    GraphQLTestClient signedIn() {
        return BffTestSupport.signedIn(server.getURL(), PRACTICE, ACCOUNT, LAST_NAME);
    }

    static boolean signedIn(GraphQLTestClient c) {
        return !c.execute("{ household { guarantorName } }")
                .data()
                .path("household")
                .isNull();
    }

    @Test
    void requestsRenewTheSessionAndSilenceEndsIt() throws InterruptedException {
        GraphQLTestClient c = signedIn();
        Thread.sleep(3_000);
        assertThat(signedIn(c)).isTrue();
        Thread.sleep(3_000);
        assertThat(signedIn(c))
                .as("6 s after sign-in (idle 5 s), 3 s after the last request")
                .isTrue();

        GraphQLTestClient idle = signedIn();
        Thread.sleep(5_300);
        assertThat(signedIn(idle)).isFalse();
        assertThat(idle.cookies()).doesNotContainKey("pp_session");
    }

    @Test
    void theAbsoluteMaximumEndsAnActiveSession() throws InterruptedException {
        long start = System.nanoTime();
        GraphQLTestClient c = signedIn();
        // Keep the session busy (renewals every second) until 3 s before the absolute maximum …
        while (elapsedMillis(start) < 9_000) {
            Thread.sleep(1_000);
            assertThat(signedIn(c)).isTrue();
        }
        // … then go past it while still well inside the idle timeout (the last renewal was at most ~4 s ago).
        Thread.sleep(Math.max(0, 12_500 - elapsedMillis(start)));
        assertThat(signedIn(c)).isFalse();
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

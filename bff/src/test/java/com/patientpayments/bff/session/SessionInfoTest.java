package com.patientpayments.bff.session;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.LAST_NAME;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.testsupport.BffTestProperties;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code query { session { idleExpiresAt absoluteExpiresAt } }}, the SPA's "Stay signed in": null when signed out;
 * signed in, it re-issues the cookie and answers the times that cookie carries. Idle 5 s, absolute 20 s.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionInfoTest implements BffTestProperties {

    static final String SESSION = "{ session { idleExpiresAt absoluteExpiresAt } }";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("payments.session.idle-timeout", "5s", "payments.session.absolute-timeout", "20s");
    }

    @Test
    void signedOutTheSessionIsNull() {
        GraphQLTestClient.Result r = new GraphQLTestClient(server.getURL()).execute(SESSION);
        assertThat(r.data().path("session").isNull()).as(r.raw()).isTrue();
        assertThat(r.raw()).doesNotContain("errors");
    }

    @Test
    void askingRenewsTheSessionAndAnswersTheRenewedTimes() throws InterruptedException {
        Instant signedInAt = Instant.now();
        GraphQLTestClient c = BffTestSupport.signedIn(server.getURL(), PRACTICE, ACCOUNT, LAST_NAME);

        Thread.sleep(3_000);
        Instant asked = Instant.now();
        GraphQLTestClient.Result first = c.execute(SESSION);
        JsonNode s = first.data().path("session");
        Instant idle = Instant.parse(s.path("idleExpiresAt").asText());
        Instant absolute = Instant.parse(s.path("absoluteExpiresAt").asText());
        assertThat(idle)
                .as(first.raw())
                .isBetween(asked.plus(Duration.ofSeconds(4)), Instant.now().plus(Duration.ofSeconds(5)));
        assertThat(absolute).isBetween(signedInAt.plus(Duration.ofSeconds(19)), asked.plus(Duration.ofSeconds(20)));
        // Renewed even though the token is only 3 s old (other requests skip re-issuing within 10 s / a sixtieth).
        assertThat(first.setCookies()).anyMatch(h -> h.startsWith("pp_session=") && !h.startsWith("pp_session=;"));

        // 6 s after sign-in, idle 5 s: alive only thanks to the renewal; the absolute end does not move.
        Thread.sleep(3_000);
        JsonNode again = c.execute(SESSION).data().path("session");
        assertThat(again.isNull()).isFalse();
        assertThat(Instant.parse(again.path("absoluteExpiresAt").asText())).isEqualTo(absolute);
        assertThat(Instant.parse(again.path("idleExpiresAt").asText())).isAfter(idle);
    }

    @Test
    void theIdleExpiryNeverPassesTheAbsoluteEnd() throws InterruptedException {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        assertThat(c.execute(BffTestSupport.SIGN_IN, "h", PRACTICE, "a", ACCOUNT, "l", LAST_NAME)
                        .data()
                        .at("/signIn/ok")
                        .asBoolean())
                .isTrue();
        JsonNode s = c.execute(SESSION).data().path("session");
        Instant absolute = Instant.parse(s.path("absoluteExpiresAt").asText());
        // Keep it alive until less than the idle timeout is left before the absolute end.
        while (Instant.now().isBefore(absolute.minusSeconds(4))) {
            Thread.sleep(1_500);
            s = c.execute(SESSION).data().path("session");
            assertThat(s.isNull()).isFalse();
        }
        assertThat(Instant.parse(s.path("idleExpiresAt").asText())).isEqualTo(absolute);
    }
}

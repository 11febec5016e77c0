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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionFlowTest implements BffTestProperties {

    static final String SIGN_IN = BffTestSupport.SIGN_IN;

    @Inject
    EmbeddedServer server;

    @Test
    void signInSeesChargesThenSignOutEndsTheSession() {
        GraphQLTestClient browser = new GraphQLTestClient(server.getURL());
        GraphQLTestClient.Result signIn = browser.execute(SIGN_IN, "h", PRACTICE, "a", ACCOUNT, "l", " garcía ");
        assertThat(signIn.data().path("signIn").path("ok").asBoolean())
                .as(signIn.raw())
                .isTrue();
        assertThat(signIn.data().at("/signIn/household/guarantorName").asText()).isEqualTo("Maria García");
        String setCookie = signIn.setCookies().stream()
                .filter(c -> c.startsWith("pp_session="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie.toLowerCase())
                .contains("httponly")
                .contains("samesite=strict")
                .contains("secure")
                .contains("path=/");

        GraphQLTestClient.Result household = browser.execute("{ household { guarantorName balance { cents formatted } "
                + "patients { name } charges { patientName serviceDate procedureName balance { cents } status } "
                + "chargeSummary { count totalBalance { cents } } } }");
        JsonNode h = household.data().path("household");
        assertThat(h.path("balance").path("cents").asLong()).as(household.raw()).isGreaterThan(10_000);
        assertThat(h.path("charges").size()).isGreaterThanOrEqualTo(3);
        assertThat(h.at("/chargeSummary/totalBalance/cents").asLong())
                .isEqualTo(h.at("/balance/cents").asLong());

        GraphQLTestClient.Result out = browser.execute("mutation { signOut }");
        assertThat(out.data().path("signOut").asBoolean()).isTrue();
        assertThat(browser.execute("{ household { guarantorName } }")
                        .data()
                        .path("household")
                        .isNull())
                .isTrue();
    }

    @Test
    void aFreshTokenIsNotReissuedOnEveryRequest() {
        GraphQLTestClient browser = new GraphQLTestClient(server.getURL());
        browser.execute(SIGN_IN, "h", PRACTICE, "a", ACCOUNT, "l", LAST_NAME);
        String token = browser.cookies().get("pp_session");
        GraphQLTestClient.Result again = browser.execute("{ household { guarantorName } }");
        assertThat(again.data().at("/household/guarantorName").asText()).isEqualTo("Maria García");
        // Issued under 10 s ago (a sixtieth of the 10-minute idle timeout): the browser keeps the same cookie.
        assertThat(again.setCookies()).noneMatch(c -> c.startsWith("pp_session="));
        assertThat(browser.cookies().get("pp_session")).isEqualTo(token);
    }

    @Test
    void aCookieReplayedAfterSignOutIsRevokedServerSide() {
        GraphQLTestClient browser = new GraphQLTestClient(server.getURL());
        browser.execute(SIGN_IN, "h", PRACTICE, "a", ACCOUNT, "l", LAST_NAME);
        assertThat(BffTestSupport.householdAfterSignOutReplay(server.getURL(), browser)
                        .isNull())
                .isTrue();
    }
}

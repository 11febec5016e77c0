package com.patientpayments.bff.web;

import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static com.patientpayments.bff.testsupport.BffTestSupport.loopbackUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The per-address sign-in limit keys on the client's address: {@code X-Forwarded-For} counts only when the peer is a
 * configured trusted proxy ({@code TRUSTED_PROXIES}); from anyone else it is ignored, so a client cannot pick a fresh
 * address per request. Counted where guesses land: the connector's look-up counter.
 */
class TrustedProxyTest {

    private static final String SIGN_IN = "mutation S($h: ID!, $a: String!, $l: String!) { signIn(practiceHash: $h, "
            + "accountNumber: $a, lastName: $l) { ok } }";

    private static EmbeddedServer bff(String trustedProxies) {
        Map<String, Object> p = new HashMap<>(BffTestSupport.properties(TrustedProxyTest.class));
        p.put("payments.sign-in.max-client-failures", "3");
        p.put("payments.http.trusted-proxies", trustedProxies);
        return ApplicationContext.run(EmbeddedServer.class, p);
    }

    private static void guess(EmbeddedServer server, String forwardedFor, int n) {
        GraphQLTestClient c = new GraphQLTestClient(loopbackUrl(server));
        String body = "{\"query\":\"" + SIGN_IN.replace("\"", "\\\"") + "\",\"variables\":{\"h\":\"" + PRACTICE
                + "\",\"a\":\"7" + (100000 + n) + "\",\"l\":\"Nobody\"}}";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(loopbackUrl(server) + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        assertThat(c.send(b).raw()).contains("\"ok\":false");
    }

    /** One client address for every request (localhost could be reached over IPv4 and IPv6: two addresses). */
    private static long misses() {
        return EmrConnectorProcess.shared().lookups("no_match");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        try (EmbeddedServer server = bff("")) {
            long before = misses();
            for (int i = 0; i < 6; i++) {
                guess(server, "203.0.113." + i, i); // a fresh "address" per request: still one client
            }
            assertThat(misses() - before).isEqualTo(3);
        }
    }

    @Test
    void behindATrustedProxyEachClientHasItsOwnLimitAndCannotSpoofIt() {
        try (EmbeddedServer server = bff("127.0.0.1/32, ::1")) {
            long before = misses();
            for (int i = 0; i < 5; i++) {
                guess(server, "203.0.113.7", i);
            }
            assertThat(misses() - before).isEqualTo(3);
            // The client prepends a made-up address: the proxy's own entry (rightmost) still names it.
            guess(server, "198.51.100.99, 203.0.113.7", 10);
            assertThat(misses() - before).isEqualTo(3);
            // Another patient behind the same load balancer is not affected.
            guess(server, "203.0.113.8", 11);
            assertThat(misses() - before).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "203.0.113.7|203.0.113.7",
                "203.0.113.7:5678|203.0.113.7",
                "[2001:db8::1]:443|2001:db8:0:0:0:0:0:1",
                "2001:db8::1|2001:db8:0:0:0:0:0:1",
                "unknown|",
                "example.com|",
                "_hidden|"
            })
    void forwardedEntriesAreIpLiteralsNeverResolved(String entry, String address) {
        var parsed = TrustedProxyClientAddressResolver.literal(entry);
        assertThat(parsed == null ? null : parsed.getHostAddress()).isEqualTo(address);
    }
}

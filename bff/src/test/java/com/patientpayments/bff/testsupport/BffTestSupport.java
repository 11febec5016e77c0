package com.patientpayments.bff.testsupport;

import com.patientpayments.bff.demo.LocalPorts;
import java.util.HashMap;
import java.util.Map;

/**
 * Properties that put a {@code @MicronautTest} BFF on a random free port and point it at the shared real EMR connector ({@link EmrConnectorProcess}),
 * the machine's real Redis with a key prefix unique to the test class, and plain-http-friendly settings.
 *
 * <pre>{@code
 * @MicronautTest
 * @TestInstance(TestInstance.Lifecycle.PER_CLASS)
 * class MyTest implements TestPropertyProvider {
 *     @Inject EmbeddedServer server;
 *     public Map<String, String> getProperties() { return BffTestSupport.properties(getClass()); }
 *     @Test void t() { GraphQLTestClient c = new GraphQLTestClient(server.getURL()); ... }
 * }
 * }</pre>
 * Demo data to sign in with: {@link #PRACTICE}, {@link #ACCOUNT}, {@link #LAST_NAME} (see emr-connector/API.md).
 */
public final class BffTestSupport {

    /** Bright Smiles Dental, active. */
    public static final String PRACTICE = "K7MX4Q";
    /** Maria García's household: two+ patients, open charges, balance above $100. */
    public static final String ACCOUNT = "100234";

    public static final String LAST_NAME = "Garcia";
    /** Lakeside Family Dentistry, active; household 200100 / Nguyen-Smith. */
    public static final String OTHER_PRACTICE = "HR9T3W";
    /** Retired landing page (inactive). */
    public static final String INACTIVE_PRACTICE = "W3NPKV";

    /** The SPA's sign-in mutation; variables {@code h}, {@code a}, {@code l}. */
    public static final String SIGN_IN =
            "mutation SignIn($h: ID!, $a: String!, $l: String!) { signIn(practiceHash: $h, "
                    + "accountNumber: $a, lastName: $l) { ok message idleExpiresAt household { guarantorName } } }";

    private BffTestSupport() {}

    /**
     * A new client of {@code server} signed in as the household ({@code practiceHash}, {@code account},
     * {@code lastName}); fails when the sign-in is refused.
     */
    public static GraphQLTestClient signedIn(
            java.net.URL server, String practiceHash, String account, String lastName) {
        GraphQLTestClient client = new GraphQLTestClient(server);
        GraphQLTestClient.Result result = client.execute(SIGN_IN, "h", practiceHash, "a", account, "l", lastName);
        if (!result.data().path("signIn").path("ok").asBoolean()) {
            throw new IllegalStateException("sign-in failed: " + result.raw());
        }
        return client;
    }

    /** Properties for a test class: real connector, real Redis at 127.0.0.1:6379, unique Redis key prefix. */
    public static Map<String, String> properties(Class<?> testClass) {
        EmrConnectorProcess emr = EmrConnectorProcess.shared();
        Map<String, String> p = new HashMap<>();
        p.put("micronaut.server.port", "-1");
        // Management endpoints (/prometheus) on a port of their own, as in production: see managementUrl.
        p.put("endpoints.all.port", Integer.toString(LocalPorts.freePort()));
        p.put("payments.startup.background-delay", "0ms");
        p.put("micronaut.http.services.emr.urls", emr.url());
        p.put("payments.emr.api-key", emr.apiKey());
        p.put("payments.redis.uri", "redis://127.0.0.1:6379");
        p.put("payments.redis.key-prefix", redisPrefix(testClass));
        // Not the demo: its documented webhook secret would stop the start (web.DemoSecretsGuard).
        p.put("payments.webhook.secrets", "whsec_test_" + EmrConnectorProcess.randomHex(8));
        return p;
    }

    /** Base URL of the management port ({@code /prometheus}) of a BFF started with {@link #properties}. */
    public static java.net.URL managementUrl(io.micronaut.runtime.server.EmbeddedServer server) {
        int port = server.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class);
        try {
            return java.net.URI.create("http://127.0.0.1:" + port).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Base URL of {@code server} as {@code http://127.0.0.1:<port>}: the loopback address spelled out (a client
     * address the trusted-proxy and per-address limits see as such), whatever host name the server reports.
     */
    public static java.net.URL loopbackUrl(io.micronaut.runtime.server.EmbeddedServer server) {
        try {
            return java.net.URI.create("http://127.0.0.1:" + server.getPort()).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs {@code client} out, then replays its old session cookie from a new client of {@code server}: answers
     * what that replay sees as {@code household} (a {@code NullNode} when the session was revoked server side).
     */
    public static com.fasterxml.jackson.databind.JsonNode householdAfterSignOutReplay(
            java.net.URL server, GraphQLTestClient client) {
        String token = client.cookies().get("pp_session");
        client.execute("mutation { signOut }");
        GraphQLTestClient replay = new GraphQLTestClient(server);
        replay.cookies().put("pp_session", token);
        return replay.execute("{ household { guarantorName } }").data().path("household");
    }

    /** A Redis key prefix no other test class (in this or another worktree) uses: {@code t:<Class>:<random>:}. */
    public static String redisPrefix(Class<?> testClass) {
        return "t:" + testClass.getSimpleName() + ":" + EmrConnectorProcess.randomHex(4) + ":";
    }
}

package com.patientpayments.bff.session;

import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static com.patientpayments.bff.testsupport.BffTestSupport.loopbackUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.demo.LocalPorts;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Lockout under concurrency: 50 guesses fired at once, counted where they land — the real connector's own look-up
 * counter ({@link EmrConnectorProcess#lookups}). Whatever the concurrency, at most the limit of guesses is ever
 * checked: with one BFF, with two BFF instances sharing Redis, and with Redis down (each instance's memory).
 */
class SignInConcurrencyTest {

    private static final int GUESSES = 50;

    /** A BFF of its own (fresh context) on the shared connector, with these extra properties. */
    private static EmbeddedServer bff(Map<String, String> props) {
        Map<String, Object> p = new HashMap<>(BffTestSupport.properties(SignInConcurrencyTest.class));
        p.putAll(props);
        return ApplicationContext.run(EmbeddedServer.class, p);
    }

    /** Fires {@link #GUESSES} sign-ins at once (guess i through server {@code serverFor(i)}); their answers. */
    private static List<String> fire(
            IntFunction<URL> serverFor, String account, IntFunction<String> lastName, IntFunction<String> accountFor)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < GUESSES; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    GraphQLTestClient c = new GraphQLTestClient(serverFor.apply(n));
                    go.await();
                    return c.execute(
                                    SessionFlowTest.SIGN_IN,
                                    "h",
                                    PRACTICE,
                                    "a",
                                    accountFor == null ? account : accountFor.apply(n),
                                    "l",
                                    lastName.apply(n))
                            .raw();
                }));
            }
            go.countDown();
            List<String> out = new ArrayList<>();
            for (Future<String> f : answers) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client address for every request (localhost could be reached over IPv4 and IPv6: two addresses). */
    private static long misses() {
        return EmrConnectorProcess.shared().lookups("no_match");
    }

    @Test
    void fiftyConcurrentGuessesOnOneAccountReachTheConnectorAtMostFiveTimes() throws Exception {
        try (EmbeddedServer server = bff(Map.of("payments.sign-in.max-client-failures", "1000"))) {
            long before = misses();
            long matchesBefore = EmrConnectorProcess.shared().lookups("match");
            // 49 wrong names, the right one last (the attack the issue reports).
            List<String> answers =
                    fire(i -> loopbackUrl(server), "100236", i -> i == GUESSES - 1 ? "Chen" : "Wrong" + i, null);
            long checkedWrong = misses() - before;
            long checkedRight = EmrConnectorProcess.shared().lookups("match") - matchesBefore;
            // At most 5 wrong names were ever checked; the right one only if it got one of the slots (a success
            // gives its slot back, so then at most one more wrong name could take it).
            assertThat(checkedWrong).isLessThanOrEqualTo(5);
            assertThat(checkedRight).isLessThanOrEqualTo(1);
            assertThat(checkedWrong + checkedRight).isPositive();
            assertThat(answers.stream().filter(a -> a.contains("\"ok\":true")).count())
                    .isEqualTo(checkedRight);
            if (checkedWrong == 5) {
                // Five failures: the account stays locked, even for the right name.
                assertThat(new GraphQLTestClient(loopbackUrl(server))
                                .execute(SessionFlowTest.SIGN_IN, "h", PRACTICE, "a", "100236", "l", "Chen")
                                .raw())
                        .contains("\"ok\":false");
            }
        }
    }

    @Test
    void twoBffInstancesSharingRedisShareTheLimit() throws Exception {
        Map<String, String> props = Map.of(
                "payments.sign-in.max-client-failures",
                "1000",
                "payments.redis.key-prefix",
                BffTestSupport.redisPrefix(SignInConcurrencyTest.class));
        try (EmbeddedServer a = bff(props);
                EmbeddedServer b = bff(props)) {
            long before = misses();
            fire(i -> i % 2 == 0 ? loopbackUrl(a) : loopbackUrl(b), "100235", i -> "Wrong" + i, null);
            assertThat(misses() - before).isBetween(1L, 5L);
        }
    }

    @Test
    void withRedisDownEachInstanceStillChecksAtMostTheLimit() throws Exception {
        int closedPort = LocalPorts.freePort();
        try (EmbeddedServer server = bff(Map.of(
                "payments.sign-in.max-client-failures",
                "1000",
                "payments.redis.uri",
                "redis://127.0.0.1:" + closedPort))) {
            long before = misses();
            fire(i -> loopbackUrl(server), "100234", i -> "Wrong" + i, null);
            assertThat(misses() - before).isBetween(1L, 5L);
        }
    }

    @Test
    void guessesSpreadOverManyAccountsStopAtThePerAddressLimit() throws Exception {
        try (EmbeddedServer server = bff(Map.of("payments.sign-in.max-client-failures", "20"))) {
            long before = misses();
            fire(i -> loopbackUrl(server), null, i -> "Nobody", i -> "8" + (100000 + i));
            assertThat(misses() - before).isBetween(1L, 20L);
        }
    }
}

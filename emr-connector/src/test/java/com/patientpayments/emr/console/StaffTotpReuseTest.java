package com.patientpayments.emr.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.emr.support.TestApp;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An authenticator code signs a staff member in once: the same code again within its ±1-step window is refused like
 * any wrong code, another step's code still works, another member's use of the same digits does not count, and of
 * several simultaneous sign-ins with one fresh code exactly one succeeds (the V8 primary key, not a read-then-write).
 */
class StaffTotpReuseTest {
    private static final String PASSWORD = "demo-console-2026";
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aCodeIsAcceptedOnceThenRefusedWithinItsWindow() throws Exception {
        long now = step();
        String email = "admin@bright-smiles.example";
        assertThat(check(email, code(now))).isEqualTo("OK");
        assertThat(check(email, code(now))).isEqualTo("INVALID");
        assertThat(check(email, code(now))).isEqualTo("INVALID");
        // the next step's code (inside the ±1 window) has not been used: it signs in once, too
        assertThat(check(email, code(now + 1))).isEqualTo("OK");
        assertThat(check(email, code(now + 1))).isEqualTo("INVALID");
        // the same digits are another member's own first use (the demo staff share a secret)
        assertThat(check("admin@lakeside-dentistry.example", code(now))).isEqualTo("OK");
        // a code outside the window was never valid
        assertThat(check("billing@lakeside-dentistry.example", code(now + 3))).isEqualTo("INVALID");
    }

    @Test
    void ofSimultaneousSignInsWithOneCodeExactlyOneSucceeds() throws Exception {
        String code = code(step());
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return check("billing@bright-smiles.example", code);
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : answers) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("INVALID"::equals).hasSize(n - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String check(String email, String otp) {
        TestApp.Response r =
                app.post("/api/v1/staff/sign-in-check", TestApp.json("email", email, "password", PASSWORD, "otp", otp));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json().get("outcome").asText();
    }

    private static long step() {
        return Instant.now().getEpochSecond() / 30;
    }

    private static String code(long step) throws Exception {
        return new DefaultCodeGenerator().generate(SECRET, step);
    }
}

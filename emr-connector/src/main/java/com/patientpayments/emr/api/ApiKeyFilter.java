package com.patientpayments.emr.api;

import com.patientpayments.contract.ErrorCode;
import com.patientpayments.emr.EmrSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The service credential: every request but {@code /health} (and the API docs when they are public) must carry
 * {@code X-Api-Key} equal to the configured key, compared in constant time. Runs before routing, so unknown paths
 * answer 401 too and reveal nothing.
 */
@ServerFilter("/**")
@Context // created at start-up, so a missing key stops the service instead of failing every request
public class ApiKeyFilter implements Ordered {
    public static final String HEADER = "X-Api-Key";
    private final byte[] expected;
    private final boolean docsPublic;

    public ApiKeyFilter(EmrSettings config) {
        if (config.apiKey() == null || config.apiKey().isBlank()) {
            throw new ConfigurationException("EMR_API_KEY (payments.emr.api-key) must be set");
        }
        // README "Secrets": a documented demo value is public; outside the embedded demo it protects nothing.
        if (!config.embedded() && EmrSettings.DEMO_API_KEY.equals(config.apiKey())) {
            throw new ConfigurationException("EMR_API_KEY is the public demo value: set a secret of your own "
                    + "(the demo value is accepted only in the embedded demo, PAYMENTS_EMBEDDED=true)");
        }
        this.expected = config.apiKey().getBytes(StandardCharsets.UTF_8);
        this.docsPublic = config.docsPublic();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.equals("/health") || path.startsWith("/health/") || (docsPublic && isDocs(path))) {
            return null;
        }
        String given = request.getHeaders().get(HEADER);
        byte[] actual = given == null ? new byte[0] : given.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, actual)) {
            return Problem.response(ErrorCode.UNAUTHORIZED, "A valid X-Api-Key header is required.");
        }
        return null;
    }

    static boolean isDocs(String path) {
        return path.equals("/openapi")
                || path.startsWith("/swagger/")
                || path.equals("/swagger-ui")
                || path.startsWith("/swagger-ui/");
    }
}

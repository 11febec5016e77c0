package com.patientpayments.bff.web;

import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The only health answers on the public port (management endpoints live on {@code MANAGEMENT_PORT}):
 * {@code GET /health} and {@code GET /health/liveness} — liveness, 200 while the process serves requests, also while
 * it drains on SIGTERM (the container health check reads it) — and {@code GET /health/readiness} for load balancers,
 * 200 when Micronaut's readiness indicators are up, else 503 (also from the moment a graceful shutdown begins,
 * {@code lifecycle.GracefulShutdown}). Both say only {@code {"status":"UP"}} or
 * {@code DOWN}: no details, no component names.
 */
@Controller("/health")
public class PublicHealthController {

    private final HealthEndpoint health;

    public PublicHealthController(HealthEndpoint health) {
        this.health = health;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public Map<String, String> liveness() {
        return Map.of("status", "UP");
    }

    /** The same liveness answer under the name orchestrators use ({@code infra/}'s container health check). */
    @Get(value = "/liveness", produces = MediaType.APPLICATION_JSON)
    public Map<String, String> livenessProbe() {
        return liveness();
    }

    @Get(value = "/readiness", produces = MediaType.APPLICATION_JSON)
    public Mono<HttpResponse<Map<String, String>>> readiness() {
        return Mono.from(health.getHealth(null, HealthCheckType.READINESS))
                .map(PublicHealthController::answer)
                .defaultIfEmpty(answer(null));
    }

    private static HttpResponse<Map<String, String>> answer(@Nullable HealthResult result) {
        boolean up = result != null && HealthStatus.UP.equals(result.getStatus());
        return HttpResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", up ? "UP" : "DOWN"));
    }
}

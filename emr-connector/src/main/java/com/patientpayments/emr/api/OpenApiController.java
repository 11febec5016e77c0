package com.patientpayments.emr.api;

import com.patientpayments.emr.EmrException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /openapi}: the OpenAPI document the micronaut-openapi processor generated at build time (YAML).
 * {@code /swagger-ui} redirects to the Swagger UI view, whose assets are served from the jar.
 */
@Controller
@Hidden
public class OpenApiController {
    static final String SPEC = "META-INF/swagger/emr-connector-v1.yml";
    private final String yaml;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(SPEC)) {
            yaml = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/openapi", produces = "application/yaml")
    public HttpResponse<String> openapi() {
        if (yaml.isEmpty()) {
            throw EmrException.notFound("OpenAPI document");
        }
        return HttpResponse.ok(yaml).contentType(MediaType.of("application/yaml"));
    }

    @Get("/swagger-ui")
    public HttpResponse<?> swaggerUi() {
        return HttpResponse.redirect(java.net.URI.create("/swagger-ui/index.html"));
    }
}

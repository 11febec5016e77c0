package com.patientpayments.floor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor's three routes, each the least a controller can do for the product route it stands beside:
 * {@code POST /graphql} answers fixed bytes (the product's answer, from {@code FLOOR_BODY_FILE}),
 * {@code POST /webhooks/stripe} reads the body as a string and answers {@code {"received":true}} like the BFF's
 * acknowledgement, and {@code GET /health/readiness} answers {@code {"status":"UP"}} (ready means the server is bound).
 */
@Controller
public class FloorController {

    private static final byte[] READY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ACK = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);

    private final byte[] answer;

    /** Reads {@code FLOOR_BODY_FILE} once (absent: a short JSON object). */
    public FloorController() {
        String file = System.getenv("FLOOR_BODY_FILE");
        try {
            answer = file == null || file.isBlank()
                    ? "{\"data\":{}}".getBytes(StandardCharsets.UTF_8)
                    : Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("FLOOR_BODY_FILE unreadable", e);
        }
    }

    /**
     * The GraphQL stand-in: reads the request body, answers the fixed bytes.
     *
     * @param body the request (read and ignored)
     * @return 200 with the bytes of {@code FLOOR_BODY_FILE}, {@code application/json}
     */
    @Post(uri = "/graphql", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public byte[] graphql(@Nullable @Body byte[] body) {
        return answer;
    }

    /**
     * The webhook stand-in: the body as a string (as the BFF reads it), then the acknowledgement.
     *
     * @param payload the request body
     * @return 200 {@code {"received":true}}, or 400 without a body
     */
    @Post(uri = "/webhooks/stripe", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> webhook(@Nullable @Body String payload) {
        return payload == null || payload.isEmpty() ? HttpResponse.badRequest() : HttpResponse.ok(ACK);
    }

    /**
     * Readiness for load balancers.
     *
     * @return 200 {@code {"status":"UP"}}
     */
    @Get(uri = "/health/readiness", produces = MediaType.APPLICATION_JSON)
    public byte[] readiness() {
        return READY;
    }
}

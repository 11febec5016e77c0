package com.patientpayments.bff.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Client-side routes of the SPA ({@code /p/...}) answer its {@code index.html}, so a deep link or a reload works;
 * the built assets themselves are served as static resources ({@code micronaut.router.static-resources.spa}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SpaController {

    private final Path index;

    public SpaController(SpaSettings settings) {
        this.index = Path.of(settings.distDir()).toAbsolutePath().normalize().resolve("index.html");
    }

    @Get(uri = "/p/{+path}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> clientRoute(@PathVariable @Nullable String path) {
        return indexHtml();
    }

    /** The practice console's client routes (lazy chunks of the same SPA). */
    @Get(uri = "/console", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> console() {
        return indexHtml();
    }

    @Get(uri = "/console/{+path}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> consoleRoute(@PathVariable @Nullable String path) {
        return indexHtml();
    }

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> root() {
        return indexHtml();
    }

    private HttpResponse<String> indexHtml() {
        try {
            return HttpResponse.ok(Files.readString(index)).contentType(MediaType.TEXT_HTML_TYPE);
        } catch (IOException e) {
            return HttpResponse.<String>notFound()
                    .contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body("The patient app is not built (UI_DIST_DIR).");
        }
    }
}

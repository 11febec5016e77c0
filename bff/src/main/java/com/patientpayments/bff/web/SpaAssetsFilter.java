package com.patientpayments.bff.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SPA build's content-hashed files ({@code main-ABCD1234.js}, {@code chunk-….js}, {@code styles-….css}): served
 * with a year-long immutable cache (a new build has new names; {@code index.html} itself stays {@code no-store}), and
 * from the {@code .gz} twin the build writes next to each ({@code npm run build}), so the BFF does not gzip ~500 KB of
 * JavaScript again on every cold load. Anything else — or a build without {@code .gz} files — falls through to the
 * static resources ({@code micronaut.router.static-resources.spa}), which compress on the fly. Ordered last, so the
 * other filters (security headers, request id) still see the request and this response.
 */
// Only the build's root-level .js/.css names: the file read below runs on the blocking executor, and a "/**" pattern
// would move every request (GraphQL, webhooks) through that thread hop as well.
@ServerFilter({"/*.js", "/*.css"})
@Order(Ordered.LOWEST_PRECEDENCE)
public class SpaAssetsFilter {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** One path segment: a name, a dash, the build's content hash, then .js or .css. */
    private static final Pattern HASHED = Pattern.compile("/[A-Za-z0-9]+-[A-Za-z0-9_-]{8,}\\.(js|css)");

    private final Path dist;

    public SpaAssetsFilter(SpaSettings settings) {
        this.dist = Path.of(settings.distDir()).toAbsolutePath().normalize();
    }

    /** True for a path naming one of the build's content-hashed files. */
    static boolean isHashedAsset(String path) {
        return HASHED.matcher(path).matches();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> hashedAsset(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return null;
        }
        String path = request.getPath();
        var m = HASHED.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Path file = dist.resolve(path.substring(1)).normalize();
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        if (!file.startsWith(dist) || !acceptsGzip(request) || !Files.isRegularFile(gz)) {
            return null;
        }
        try {
            if (Files.getLastModifiedTime(gz).compareTo(Files.getLastModifiedTime(file)) < 0) {
                return null; // A stale twin from an older build: never serve it.
            }
            MediaType type = "js".equals(m.group(1))
                    ? MediaType.of("text/javascript;charset=utf-8")
                    : MediaType.of("text/css;charset=utf-8");
            MutableHttpResponse<byte[]> response =
                    HttpResponse.ok(Files.readAllBytes(gz)).contentType(type);
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            response.header(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
            return response;
        } catch (IOException e) {
            return null; // Missing after all (a build in progress): let the static resources answer.
        }
    }

    private static boolean acceptsGzip(HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT_ENCODING);
        if (accept == null) {
            return false;
        }
        for (String part : accept.toLowerCase(Locale.ROOT).split(",")) {
            String[] coding = part.trim().split(";");
            if (coding[0].trim().equals("gzip") || coding[0].trim().equals("*")) {
                boolean refused =
                        coding.length > 1 && coding[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
                return !refused;
            }
        }
        return false;
    }
}

package com.patientpayments.bff.graphql;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.web.HttpSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;

/**
 * Transport rules of {@code /graphql} (contract): {@code POST} only, {@code Content-Type: application/json} only, no
 * {@code ?query=} (or any query string), and an {@code Origin}, when a browser sends one, from the allowed origins.
 * Checked before the body is read, so a rejected request never reaches the executor.
 */
// "/graphql/" routes to the same endpoint, so the checks must cover it (and anything below) too.
@ServerFilter({"${graphql.path:/graphql}", "${graphql.path:/graphql}/**"})
public class GraphQLRequestFilter {

    private final List<String> allowedOrigins;

    public GraphQLRequestFilter(HttpSettings origins) {
        this.allowedOrigins = origins.allowedOrigins();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST) {
            return GraphQLEndpoint.rejected(HttpStatus.METHOD_NOT_ALLOWED, "Send GraphQL requests with POST.")
                    .header("Allow", "POST");
        }
        MediaType type = request.getContentType().orElse(null);
        if (type == null || !MediaType.APPLICATION_JSON.equals(type.getName())) {
            return GraphQLEndpoint.rejected(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send GraphQL requests as Content-Type: application/json.");
        }
        if (request.getUri().getRawQuery() != null) {
            return GraphQLEndpoint.rejected(
                    HttpStatus.BAD_REQUEST, "Put the GraphQL document in the JSON body, not in the URL.");
        }
        String origin = request.getHeaders().get("Origin");
        if (origin != null && !sameOrigin(request, origin) && !allowedOrigins.contains(origin)) {
            return GraphQLEndpoint.rejected(
                    HttpStatus.FORBIDDEN, "This origin may not call the API.", ErrorCode.FORBIDDEN);
        }
        return null;
    }

    /** The SPA is served by the BFF itself: its own origin is always allowed. */
    private static boolean sameOrigin(HttpRequest<?> request, String origin) {
        String host = request.getHeaders().get("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}

package com.patientpayments.bff.graphql;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

/**
 * Gives data fetchers the HTTP exchange they run for: the request (cookies, client address, headers) and the
 * response (to set or clear cookies). {@link GraphQLEndpoint} puts both into the GraphQL context of every execution.
 */
public final class GraphQLRequestContext {

    static final String REQUEST = "pp.http.request";
    static final String RESPONSE = "pp.http.response";

    private GraphQLRequestContext() {}

    static void put(GraphQLContext ctx, HttpRequest<?> request, MutableHttpResponse<?> response) {
        ctx.put(REQUEST, request);
        ctx.put(RESPONSE, response);
    }

    public static HttpRequest<?> request(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(REQUEST);
    }

    /** The response the endpoint will send; cookies and headers set here reach the client. */
    public static MutableHttpResponse<?> response(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(RESPONSE);
    }

    /**
     * A per-request value kept in the GraphQL context (the console's resolved staff session, read once per request
     * however many fields ask for it).
     */
    public static <T> T computeIfAbsent(DataFetchingEnvironment env, String key, java.util.function.Supplier<T> value) {
        return env.getGraphQlContext().computeIfAbsent(key, k -> value.get());
    }
}

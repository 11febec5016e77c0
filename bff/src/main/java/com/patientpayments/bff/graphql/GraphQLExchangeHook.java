package com.patientpayments.bff.graphql;

import graphql.GraphQLContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

/**
 * Runs after every GraphQL execution, before the response is written (e.g. the session feature renews the sliding
 * session cookie here).
 */
public interface GraphQLExchangeHook {

    void afterExecution(HttpRequest<?> request, MutableHttpResponse<?> response, GraphQLContext context);
}

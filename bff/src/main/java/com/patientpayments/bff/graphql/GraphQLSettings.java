package com.patientpayments.bff.graphql;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits on GraphQL documents (OWASP GraphQL cheat sheet); a document over any of them is rejected with
 * {@code BAD_USER_INPUT} before any data fetcher runs.
 *
 * @param maxBodyBytes  largest accepted request body
 * @param maxTokens     most parser tokens in a document
 * @param maxDepth      deepest field nesting
 * @param maxComplexity highest graphql-java complexity score (one point per field)
 * @param maxAliases    most aliased fields in a document
 * @param maxDirectives most directives in a document
 * @param devTools      GraphiQL, introspection and schema hints in errors ({@code GRAPHQL_DEV_TOOLS}); off by default
 *                      (set in {@code application.yml}, where the env var is bound)
 */
@ConfigurationProperties("payments.graphql")
public record GraphQLSettings(
        @Bindable(defaultValue = "32768") int maxBodyBytes,
        @Bindable(defaultValue = "2000") int maxTokens,
        @Bindable(defaultValue = "8") int maxDepth,
        @Bindable(defaultValue = "200") int maxComplexity,
        @Bindable(defaultValue = "15") int maxAliases,
        @Bindable(defaultValue = "10") int maxDirectives,
        boolean devTools) {}

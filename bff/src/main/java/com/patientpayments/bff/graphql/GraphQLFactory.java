package com.patientpayments.bff.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.visibility.NoIntrospectionGraphqlFieldVisibility;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the executable schema from the repository's one {@code schema.graphqls} (copied onto the classpath by the
 * build, never hand-copied) and the {@link GraphQLWiring} beans of every feature.
 */
@Factory
public class GraphQLFactory {

    /** Classpath location of the contract; the Maven build copies {@code ../schema.graphqls} there. */
    public static final String SCHEMA_RESOURCE = "classpath:schema.graphqls";
    /** Distinct documents kept parsed and validated (the SPA has about twenty operations). */
    static final int DOCUMENT_CACHE_SIZE = 500;

    @Bean
    @Singleton
    public TypeDefinitionRegistry typeDefinitionRegistry(ResourceResolver resources, List<SchemaFilter> filters) {
        try (InputStream in = resources
                .getResourceAsStream(SCHEMA_RESOURCE)
                .orElseThrow(() -> new IllegalStateException("schema.graphqls is missing from the classpath"))) {
            TypeDefinitionRegistry registry =
                    new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            filters.forEach(f -> f.apply(registry));
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    @Singleton
    public GraphQLSchema graphQLSchema(
            TypeDefinitionRegistry registry, List<GraphQLWiring> wirings, GraphQLSettings limits) {
        RuntimeWiring.Builder builder = RuntimeWiring.newRuntimeWiring();
        StrictScalars.install(builder);
        wirings.forEach(w -> w.wire(builder));
        if (!limits.devTools()) {
            // Production: no __schema / __type (introspection); __typename stays for clients' caches.
            builder.fieldVisibility(NoIntrospectionGraphqlFieldVisibility.NO_INTROSPECTION_FIELD_VISIBILITY);
        }
        SchemaGenerator.Options options = SchemaGenerator.Options.defaultOptions();
        return new SchemaGenerator().makeExecutableSchema(options, registry, builder.build());
    }

    @Bean
    @Singleton
    public GraphQL graphQL(
            GraphQLSchema schema,
            GraphQLSettings limits,
            ApiErrorHandler errors,
            List<Instrumentation> extraInstrumentations) {
        List<Instrumentation> instrumentations = new ArrayList<>();
        instrumentations.add(new DocumentLimitsInstrumentation(limits));
        instrumentations.addAll(extraInstrumentations);
        return GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(errors)
                .preparsedDocumentProvider(new DocumentCache(DOCUMENT_CACHE_SIZE, 8192))
                .instrumentation(new ChainedInstrumentation(instrumentations))
                .build();
    }
}

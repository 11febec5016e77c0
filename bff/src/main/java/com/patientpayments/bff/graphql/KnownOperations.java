package com.patientpayments.bff.graphql;

import graphql.language.Document;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The operation names metrics may carry as labels: the SPA's operations ({@code spa/operations.graphql}, copied from
 * {@code ui-angular/src/app/core/graphql/operations.graphql} by the build) and the schema's root fields (a developer
 * naming an operation after the field it calls). Any other name is a client's free text and is labelled
 * {@code other}: this set is fixed at build time, so the label's cardinality is bounded.
 */
@Singleton
public class KnownOperations {

    private final Set<String> names;

    public KnownOperations() {
        Set<String> known = new HashSet<>();
        Document spa = new Parser().parseDocument(resource("spa/operations.graphql"));
        spa.getDefinitionsOfType(OperationDefinition.class).stream()
                .map(OperationDefinition::getName)
                .filter(n -> n != null && !n.isEmpty())
                .forEach(known::add);
        TypeDefinitionRegistry schema = new SchemaParser().parse(resource("schema.graphqls"));
        for (String root : new String[] {"Query", "Mutation", "Subscription"}) {
            schema.getType(root, ObjectTypeDefinition.class)
                    .ifPresent(t -> t.getFieldDefinitions().forEach(f -> known.add(f.getName())));
            schema.objectTypeExtensions()
                    .getOrDefault(root, java.util.List.of())
                    .forEach(t -> t.getFieldDefinitions().forEach(f -> known.add(f.getName())));
        }
        this.names = Set.copyOf(known);
    }

    /** Whether {@code operationName} is one the server knows. */
    public boolean contains(String operationName) {
        return operationName != null && names.contains(operationName);
    }

    /** The known names (for tests and documentation). */
    public Set<String> names() {
        return names;
    }

    private static String resource(String path) {
        try (InputStream in = KnownOperations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath (see bff/pom.xml resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.patientpayments.bff.graphql;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;

import java.util.List;

/**
 * Counts aliases and directives over the whole document (fragments included) before validation, so a document that
 * multiplies work through aliases (e.g. fifteen {@code signIn} attempts in one request) or directives is rejected
 * before any data fetcher runs. Depth, complexity and tokens are limited by graphql-java's own instrumentations and
 * parser options.
 */
final class DocumentLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final int maxAliases;
    private final int maxDirectives;

    DocumentLimitsInstrumentation(int maxAliases, int maxDirectives) {
        this.maxAliases = maxAliases;
        this.maxDirectives = maxDirectives;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters p,
                                                                         InstrumentationState state) {
        int[] counts = new int[2];
        new NodeTraverser().preOrder(new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field node, TraverserContext<Node> context) {
                if (node.getAlias() != null) {
                    counts[0]++;
                }
                return super.visitField(node, context);
            }

            @Override
            public TraversalControl visitDirective(Directive node, TraverserContext<Node> context) {
                counts[1]++;
                return super.visitDirective(node, context);
            }
        }, p.getDocument().getChildren());
        if (counts[0] > maxAliases) {
            throw new AbortExecutionException("The query uses too many aliases (at most " + maxAliases + ").");
        }
        if (counts[1] > maxDirectives) {
            throw new AbortExecutionException("The query uses too many directives (at most " + maxDirectives + ").");
        }
        return SimpleInstrumentationContext.noOp();
    }
}

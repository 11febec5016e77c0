package com.patientpayments.bff.graphql;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Document limits, checked once per distinct document before validation (so a document over a limit never reaches a
 * data fetcher, and a document served from the {@link DocumentCache} — which holds only documents that passed — is
 * not re-walked on every request):
 * <ul>
 *   <li>aliases and directives counted over the whole document, fragments included (fifteen {@code signIn} attempts
 *   behind aliases are one request's worth of work);</li>
 *   <li>depth (a top-level field is depth 1) and complexity (one point per field, graphql-java's default scoring) of
 *   every operation with its fragments expanded — the largest over all operations, so the outcome does not depend on
 *   which operation a request names, and {@code @skip}/{@code @include} are not credited (stricter, never looser).</li>
 * </ul>
 * Tokens and characters are limited by the parser options.
 */
final class DocumentLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final GraphQLSettings limits;

    DocumentLimitsInstrumentation(GraphQLSettings limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters p, InstrumentationState state) {
        check(p.getDocument(), limits);
        return SimpleInstrumentationContext.noOp();
    }

    /** Throws {@link AbortExecutionException} with a client-readable message when the document is over a limit. */
    static void check(Document document, GraphQLSettings limits) {
        int[] counts = new int[2];
        new NodeTraverser()
                .preOrder(
                        new NodeVisitorStub() {
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
                        },
                        document.getChildren());
        if (counts[0] > limits.maxAliases()) {
            throw new AbortExecutionException("The query uses too many aliases (at most " + limits.maxAliases() + ").");
        }
        if (counts[1] > limits.maxDirectives()) {
            throw new AbortExecutionException(
                    "The query uses too many directives (at most " + limits.maxDirectives() + ").");
        }
        Shape shape = new Shape(document);
        for (OperationDefinition op : document.getDefinitionsOfType(OperationDefinition.class)) {
            long[] dc = shape.of(op.getSelectionSet());
            if (dc[0] > limits.maxDepth()) {
                throw new AbortExecutionException("The query is nested too deeply: its depth is " + dc[0] + ", at most "
                        + limits.maxDepth() + " is allowed.");
            }
            if (dc[1] > limits.maxComplexity()) {
                throw new AbortExecutionException("The query asks for too many fields: its complexity is "
                        + Math.min(dc[1], 1_000_000) + ", at most " + limits.maxComplexity() + " is allowed.");
            }
        }
    }

    /**
     * Depth and field count of selection sets with fragments expanded; each fragment is computed once (linear in the
     * document, however often it is spread), and fragment cycles — which validation rejects next — count nothing.
     */
    private static final class Shape {
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Map<String, long[]> memo = new HashMap<>();
        private final Set<String> expanding = new HashSet<>();

        Shape(Document document) {
            for (FragmentDefinition f : document.getDefinitionsOfType(FragmentDefinition.class)) {
                fragments.putIfAbsent(f.getName(), f);
            }
        }

        /** {depth, complexity} of a selection set; saturates instead of overflowing. */
        long[] of(SelectionSet set) {
            long depth = 0;
            long fields = 0;
            if (set == null) {
                return new long[] {0, 0};
            }
            for (Selection<?> s : set.getSelections()) {
                long[] child;
                if (s instanceof Field f) {
                    long[] sub = of(f.getSelectionSet());
                    child = new long[] {sub[0] + 1, sub[1] + 1};
                } else if (s instanceof InlineFragment inline) {
                    child = of(inline.getSelectionSet());
                } else if (s instanceof FragmentSpread spread) {
                    child = fragment(spread.getName());
                } else {
                    continue;
                }
                depth = Math.max(depth, child[0]);
                fields = saturatedAdd(fields, child[1]);
            }
            return new long[] {depth, fields};
        }

        private long[] fragment(String name) {
            long[] known = memo.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition f = fragments.get(name);
            if (f == null || !expanding.add(name)) {
                return new long[] {0, 0};
            }
            long[] shape = of(f.getSelectionSet());
            expanding.remove(name);
            memo.put(name, shape);
            return shape;
        }

        private static long saturatedAdd(long a, long b) {
            long r = a + b;
            return r < 0 || r > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : r;
        }
    }
}

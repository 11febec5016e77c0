package com.patientpayments.bff.observability;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A timing histogram of every GraphQL operation by operation name ({@code pp_graphql_operation_seconds{operation}})
 * and failure counts by operation and error code. Operation names come from clients, so the label set is bounded:
 * well-formed names up to {@link #MAX_NAMES} distinct ones, then {@code other}; no name is {@code anonymous}.
 */
@Singleton
public class OperationMetrics extends SimplePerformantInstrumentation {

    static final int MAX_NAMES = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    private final MeterRegistry registry;
    private final Failures failures;
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    public OperationMetrics(MeterRegistry registry, Failures failures) {
        this.registry = registry;
        this.failures = failures;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Operation();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters p,
                                                                         InstrumentationState state) {
        if (state instanceof Operation op) {
            op.name = p.getExecutionContext().getOperationDefinition().getName();
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters p,
                                                                  InstrumentationState state) {
        long started = System.nanoTime();
        return SimpleInstrumentationContext.whenCompleted((result, thrown) -> {
            String name = state instanceof Operation op && op.name != null ? op.name : p.getOperation();
            String operation = label(name);
            Timer.builder("pp.graphql.operation").description("GraphQL operation duration by operation name")
                    .publishPercentileHistogram().tag("operation", operation).register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (thrown != null) {
                failures.record(operation, "INTERNAL");
            } else if (result != null) {
                for (GraphQLError e : result.getErrors()) {
                    Object code = e.getExtensions() == null ? null : e.getExtensions().get("code");
                    failures.record(operation, code instanceof String s ? s : "BAD_USER_INPUT");
                }
            }
        });
    }

    /** The operation's name from the parsed document (clients often omit {@code operationName}). */
    private static final class Operation implements InstrumentationState {
        volatile String name;
    }

    String label(String operationName) {
        if (operationName == null || operationName.isEmpty()) {
            return "anonymous";
        }
        if (!NAME.matcher(operationName).matches()) {
            return "other";
        }
        if (names.contains(operationName)) {
            return operationName;
        }
        if (names.size() >= MAX_NAMES) {
            return "other";
        }
        names.add(operationName);
        return operationName;
    }
}

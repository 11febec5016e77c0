package com.patientpayments.bff.graphql;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.observability.Failures;
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
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A timing histogram of every GraphQL operation by operation name ({@code pp_graphql_operation_seconds{operation}})
 * and failure counts by operation and error code. Operation names come from clients, so only names the server knows
 * ({@link KnownOperations}: the SPA's operations and the schema's root fields) become label values; any other name is
 * {@code other}, no name is {@code anonymous}. Error codes outside the contract's {@code ErrorCode} are {@code other}.
 */
@Singleton
public class OperationMetrics extends SimplePerformantInstrumentation {

    private static final Set<String> CODES = java.util.Arrays.stream(ErrorCode.values())
            .map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final MeterRegistry registry;
    private final Failures failures;
    private final KnownOperations known;

    public OperationMetrics(MeterRegistry registry, Failures failures, KnownOperations known) {
        this.registry = registry;
        this.failures = failures;
        this.known = known;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Operation();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters p, InstrumentationState state) {
        if (state instanceof Operation op) {
            op.name = p.getExecutionContext().getOperationDefinition().getName();
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(
            InstrumentationExecutionParameters p, InstrumentationState state) {
        long started = System.nanoTime();
        return SimpleInstrumentationContext.whenCompleted((result, thrown) -> {
            String name = state instanceof Operation op && op.name != null ? op.name : p.getOperation();
            String operation = label(name);
            Timer.builder("pp.graphql.operation")
                    .description("GraphQL operation duration by operation name")
                    .publishPercentileHistogram()
                    .tag("operation", operation)
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (thrown != null) {
                failures.record(operation, "INTERNAL");
            } else if (result != null) {
                for (GraphQLError e : result.getErrors()) {
                    Object code =
                            e.getExtensions() == null ? null : e.getExtensions().get("code");
                    failures.record(
                            operation, code instanceof String s ? (CODES.contains(s) ? s : "other") : "BAD_USER_INPUT");
                }
            }
        });
    }

    /** The operation's name from the parsed document (clients often omit {@code operationName}). */
    private static final class Operation implements InstrumentationState {
        volatile @Nullable String name;
    }

    String label(@Nullable String operationName) {
        if (operationName == null || operationName.isEmpty()) {
            return "anonymous";
        }
        return known.contains(operationName) ? operationName : "other";
    }
}

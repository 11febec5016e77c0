package com.patientpayments.bff.graphql;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.retry.exception.CircuitOpenException;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions thrown by data fetchers into contract errors: {@link PaymentsException} keeps its code and patient
 * message; connector failures (timeouts, refused connections, 5xx, open circuit) become
 * {@link ErrorCode#UPSTREAM_UNAVAILABLE}; anything else is {@link ErrorCode#INTERNAL} with a generic message. No class
 * name, stack trace or exception message of an unexpected failure ever reaches the client (it is logged, by type only
 * plus the request id from the MDC, because messages can carry PII).
 */
@Singleton
public class ApiErrorHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);
    static final String UPSTREAM_MESSAGE = PaymentsException.UPSTREAM_MESSAGE;
    static final String INTERNAL_MESSAGE = PaymentsException.INTERNAL_MESSAGE;

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters p) {
        PaymentsException api = toApiException(p.getException());
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message(api.getMessage())
                .path(p.getPath())
                .location(p.getSourceLocation())
                .extensions(extensions(api.code()))
                .build();
        return CompletableFuture.completedFuture(
                DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    /** Contract extensions for a code. */
    public static Map<String, Object> extensions(ErrorCode code) {
        return Map.of("code", code.name(), "retryable", code.retryable());
    }

    /** Classifies any throwable into the exception the client is told about. */
    public static PaymentsException toApiException(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof PaymentsException api) {
            return api;
        }
        if (isUpstreamFailure(t)) {
            LOG.warn("upstream unavailable: {}", t.getClass().getSimpleName());
            return new PaymentsException(ErrorCode.UPSTREAM_UNAVAILABLE, UPSTREAM_MESSAGE, t);
        }
        LOG.error("unexpected failure in a data fetcher: {}", t.getClass().getName());
        return new PaymentsException(ErrorCode.INTERNAL, INTERNAL_MESSAGE, t);
    }

    /** True for failures of a service we call: the caller may retry later. */
    static boolean isUpstreamFailure(Throwable t) {
        if (t instanceof CircuitOpenException) {
            return true;
        }
        if (t instanceof HttpClientResponseException r) {
            return r.getStatus().getCode() >= 500;
        }
        return t instanceof HttpClientException
                || t instanceof java.io.IOException
                || t instanceof java.util.concurrent.TimeoutException;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException
                        || cur instanceof ExecutionException
                        || cur instanceof java.lang.reflect.UndeclaredThrowableException)
                && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}

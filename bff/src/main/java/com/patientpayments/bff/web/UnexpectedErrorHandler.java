package com.patientpayments.bff.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last line of defence for anything no feature handled: the client gets a generic JSON error and never an exception
 * message, class name or stack trace (Micronaut's default body includes the message). The log keeps the exception
 * type for operators; messages are not logged either, since they may echo input.
 */
@Produces
@Singleton
@Requires(classes = {Exception.class, ExceptionHandler.class})
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        LOG.error(
                "unhandled {} on {} {}",
                exception.getClass().getName(),
                request.getMethodName(),
                RequestIdFilter.loggablePath(request.getPath()));
        return HttpResponse.serverError(Map.of(
                        "error", "INTERNAL",
                        "message", "Something went wrong on our side. Please try again in a moment."))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

package com.patientpayments.emr.api;

import com.patientpayments.emr.EmrException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Domain failures become problem JSON with their code. */
@Produces
@Singleton
@Requires(classes = {EmrException.class, ExceptionHandler.class})
public class ApiExceptionHandler implements ExceptionHandler<EmrException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, EmrException exception) {
        return Problem.response(exception.code(), exception.getMessage());
    }
}

package com.patientpayments.emr.api;

import com.patientpayments.contract.ErrorCode;
import com.patientpayments.emr.ledger.LedgerError;
import com.patientpayments.emr.ledger.LedgerException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The one place a ledger error becomes an HTTP status and problem JSON (API.md "Errors"). */
@Produces
@Singleton
@Requires(classes = {LedgerException.class, ExceptionHandler.class})
public class LedgerExceptionHandler implements ExceptionHandler<LedgerException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, LedgerException exception) {
        return Problem.response(codeOf(exception.code()), exception.getMessage());
    }

    static ErrorCode codeOf(LedgerError error) {
        return switch (error) {
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case CONFLICT -> ErrorCode.CONFLICT;
            case INVALID -> ErrorCode.VALIDATION_FAILED;
        };
    }
}

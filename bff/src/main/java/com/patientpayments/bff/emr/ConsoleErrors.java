package com.patientpayments.bff.emr;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;

/**
 * The console's reading of connector outcomes: the value of a found one; a validation refusal is
 * {@code BAD_USER_INPUT} with the connector's message (ids and amounts only, written for staff); 404 is
 * {@code NOT_FOUND}; the rest as everywhere ({@link ConnectorErrors}). Used by the console's domain
 * ({@code console}) and its GraphQL wiring.
 */
public final class ConsoleErrors {
    private ConsoleErrors() {}

    /**
     * The value of a found {@code outcome}.
     *
     * @param notFound the {@code NOT_FOUND} message when the connector answered 404
     * @throws com.patientpayments.bff.PaymentsException {@code BAD_USER_INPUT} (validation refusal, conflict),
     *     {@code NOT_FOUND}, {@code UPSTREAM_UNAVAILABLE} or {@code INTERNAL}
     */
    public static <T> T value(EmrOutcome<T> outcome, String notFound) {
        if (outcome instanceof EmrOutcome.Found<T> f) {
            return f.value();
        }
        if (outcome instanceof EmrOutcome.Rejected<T> r
                && r.problem().code() == com.patientpayments.contract.ErrorCode.VALIDATION_FAILED) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT,
                    r.problem().detail() == null
                            ? "The request is not valid."
                            : r.problem().detail());
        }
        if (outcome instanceof EmrOutcome.Conflict<T> c) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT,
                    c.problem().detail() == null
                            ? "The request conflicts with an earlier one."
                            : c.problem().detail());
        }
        throw ConnectorErrors.toApi(outcome, notFound);
    }
}

package com.patientpayments.bff.emr;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GraphQL edge's reading of a connector outcome that is not the one a resolver expected: {@code NotFound} becomes
 * {@code NOT_FOUND} with the resolver's patient message; {@code Unavailable} is {@code UPSTREAM_UNAVAILABLE}
 * (retryable); a {@code Conflict} or {@code Rejected} the resolver did not handle is our fault, {@code INTERNAL}.
 * Logged by outcome label and problem code only (no request data).
 */
public final class ConnectorErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorErrors.class);

    private ConnectorErrors() {}

    /** The contract error for {@code outcome}; {@code notFoundMessage} is shown to the patient for a 404. */
    public static PaymentsException toApi(EmrOutcome<?> outcome, String notFoundMessage) {
        if (outcome instanceof EmrOutcome.NotFound<?>) {
            return new PaymentsException(ErrorCode.NOT_FOUND, notFoundMessage);
        } else if (outcome instanceof EmrOutcome.Unavailable<?> u) {
            LOG.warn("EMR connector unavailable ({})", u.reason());
            return new PaymentsException(ErrorCode.UPSTREAM_UNAVAILABLE, PaymentsException.UPSTREAM_MESSAGE);
        } else if (outcome instanceof EmrOutcome.Conflict<?> c) {
            return internal(outcome, c.problem().codeName());
        } else if (outcome instanceof EmrOutcome.Rejected<?> r) {
            return internal(outcome, r.problem().codeName());
        }
        throw new IllegalArgumentException("a found outcome is not an error");
    }

    private static PaymentsException internal(EmrOutcome<?> outcome, String code) {
        LOG.error("EMR connector refused a request ({}, {})", outcome.label(), code);
        return new PaymentsException(ErrorCode.INTERNAL, PaymentsException.INTERNAL_MESSAGE);
    }
}

package com.patientpayments.bff.emr;

import java.util.Optional;
import java.util.function.Function;

/**
 * What a call to the EMR connector came to — never {@code null}, never an exception for an answer the connector
 * gave. Callers switch over the five cases and map each to their own edge (a GraphQL error code, a queue outcome).
 *
 * <ul>
 *   <li>{@link Found}: 2xx with the decoded body and the status ({@code 201} created, {@code 202} parked, …);</li>
 *   <li>{@link NotFound}: 404 — the connector does not know the thing (or the id could never exist);</li>
 *   <li>{@link Conflict}: 409 — the request contradicts the ledger (an id reused for another amount, …);</li>
 *   <li>{@link Rejected}: another 4xx — the connector refused the request itself (a bug or misconfiguration on our
 *   side: bad body, wrong credential); not worth retrying unchanged;</li>
 *   <li>{@link Unavailable}: no answer, a 5xx, a body that cannot be read, or the read circuit is open; may be
 *   retried later.</li>
 * </ul>
 *
 * @param <T> the decoded body of a successful answer
 */
public sealed interface EmrOutcome<T> {

    /** A 2xx answer. {@code status} tells 200 from 201 (created now) and 202 (parked). */
    record Found<T>(T value, int status) implements EmrOutcome<T> {
        public boolean created() {
            return status == 201;
        }
    }

    /** 404. */
    record NotFound<T>(EmrProblem problem) implements EmrOutcome<T> {}

    /** 409. */
    record Conflict<T>(EmrProblem problem) implements EmrOutcome<T> {}

    /** Any other 4xx. */
    record Rejected<T>(EmrProblem problem) implements EmrOutcome<T> {}

    /** No usable answer; {@code reason} is a short constant for logs and metrics (no request data). */
    record Unavailable<T>(String reason) implements EmrOutcome<T> {}

    /** The value of a {@link Found}, else empty. */
    default Optional<T> optional() {
        return this instanceof Found<T> f ? Optional.of(f.value()) : Optional.empty();
    }

    /** The value of a {@link Found}; any other outcome becomes the exception {@code failure} makes of it. */
    default <X extends RuntimeException> T orElseThrow(Function<EmrOutcome<T>, X> failure) {
        if (this instanceof Found<T> f) {
            return f.value();
        }
        throw failure.apply(this);
    }

    /** Whether the connector answered 404. */
    default boolean isNotFound() {
        return this instanceof NotFound<T>;
    }

    /** The same non-found outcome for another body type (to pass a failure on unchanged). */
    @SuppressWarnings("unchecked")
    default <U> EmrOutcome<U> failure() {
        if (this instanceof Found<T>) {
            throw new IllegalStateException("a found outcome is not a failure");
        }
        return (EmrOutcome<U>) this;
    }

    /** A label for logs and metrics: {@code found}, {@code not_found}, {@code conflict}, … */
    default String label() {
        if (this instanceof Found<T>) {
            return "found";
        } else if (this instanceof NotFound<T>) {
            return "not_found";
        } else if (this instanceof Conflict<T>) {
            return "conflict";
        } else if (this instanceof Rejected<T> r) {
            return "rejected_" + r.problem().status();
        }
        return "unavailable_" + ((Unavailable<T>) this).reason();
    }
}

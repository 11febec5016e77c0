package com.patientpayments.emr.console;

import com.patientpayments.contract.RefundRequest;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;
import java.util.UUID;

/**
 * The reads of console refund requests ({@link ConsoleRefunds}): a request by its idempotency key, with what the BFF
 * needs to ask the provider, and a request's key by its id within a practice. A Micronaut Data repository whose native
 * {@code @Query} statements return the contract's {@link RefundRequest} as a projection (its {@code created} read as
 * false; the caller sets it); call it inside the write transaction that locked the payment or
 * wrote the request, so the statements run on its connection and see its rows. Amounts are cents. The payment lock,
 * the insert ({@code ON CONFLICT}) and the status update stay plain JDBC in {@link ConsoleRefunds}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class RefundRequestRepository
        implements GenericRepository<RefundRequestRepository.RefundRequestTable, UUID> {

    /** The request recorded under {@code idempotencyKey}, with its payment's provider reference and account. */
    @Query("SELECT q.id, q.transaction_id, t.provider_reference, p.stripe_account_id, q.amount_cents,"
            + " q.reason, q.status, q.provider_refund_id, false AS created FROM refund_requests q"
            + " JOIN transactions t ON t.id = q.transaction_id JOIN practices p ON p.id = t.practice_id"
            + " WHERE q.idempotency_key = :idempotencyKey")
    protected abstract Optional<RefundRequest> byIdempotencyKey(String idempotencyKey);

    /** The idempotency key of a request on one of the practice's payments; empty when unknown or another's. */
    @Query("SELECT q.idempotency_key FROM refund_requests q JOIN transactions t"
            + " ON t.id = q.transaction_id WHERE q.id = :requestId AND t.practice_id = :practiceId")
    protected abstract Optional<String> idempotencyKeyOf(UUID requestId, UUID practiceId);

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used).
     */
    @MappedEntity("refund_requests")
    static final class RefundRequestTable {
        @Id
        private final UUID id;

        RefundRequestTable(UUID id) {
            this.id = id;
        }

        public UUID getId() {
            return id;
        }
    }
}

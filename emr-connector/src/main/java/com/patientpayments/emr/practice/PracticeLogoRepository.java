package com.patientpayments.emr.practice;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a practice's stored logo ({@code practice_logos}, V6) for {@link PracticeLogos}: a Micronaut Data repository
 * whose native {@code @Query} returns a flat row record. Call it inside a transaction (a logo request's read
 * transaction, a branding edit's write transaction) so it runs on that transaction's connection and sees its upserts,
 * which stay plain JDBC ({@code ON CONFLICT}) in {@link PracticeLogos}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class PracticeLogoRepository implements GenericRepository<PracticeLogoRepository.LogoTable, UUID> {

    /** The practice's logo in {@code state} ({@code DRAFT} or {@code PUBLISHED}), with its bytes; empty when none. */
    @Query("SELECT content_type, sha256, size_bytes, content FROM practice_logos"
            + " WHERE practice_id = :practiceId AND state = :state")
    protected abstract Optional<LogoRow> logo(UUID practiceId, String state);

    /**
     * One stored logo: its media type, lower-case hex SHA-256 (a {@code CHAR(64)}, trim it), size in bytes and bytes.
     */
    @Introspected
    @SuppressWarnings("ArrayRecordComponent") // read once and handed on as the logo's bytes; never compared or hashed
    protected record LogoRow(String contentType, String sha256, int sizeBytes, byte[] content) {}

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used). Its key is (practice_id, state); the
     * practice id stands in as the root's id.
     */
    @MappedEntity("practice_logos")
    static final class LogoTable {
        @Id
        private final UUID practiceId;

        LogoTable(UUID practiceId) {
            this.practiceId = practiceId;
        }

        public UUID getPracticeId() {
            return practiceId;
        }
    }
}

package com.patientpayments.emr.console;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads a practice's receipt branding texts ({@code receipt_branding}, V7) for {@link ReceiptBranding}: a Micronaut
 * Data repository whose native {@code @Query} returns a flat row record. Call it inside a transaction (a branding read,
 * or the write transaction that just saved or published the draft) so it runs on that transaction's connection and
 * sees its writes. The draft's locking read when publishing and the writes stay plain JDBC in {@link ReceiptBranding}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class ReceiptBrandingRepository
        implements GenericRepository<ReceiptBrandingRepository.BrandingTable, UUID> {

    /** The practice's texts in {@code state} ({@code DRAFT} or {@code PUBLISHED}); empty when never saved. */
    @Query("SELECT signature_text, footer_text, logo_removed, updated_at FROM receipt_branding"
            + " WHERE practice_id = :practiceId AND state = :state")
    protected abstract Optional<TextsRow> texts(UUID practiceId, String state);

    /** One state's texts (null: none), whether it prints no logo, and when it last changed. */
    @Introspected
    protected record TextsRow(
            @Nullable String signatureText, @Nullable String footerText, boolean logoRemoved, Instant updatedAt) {}

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used). Its key is (practice_id, state); the
     * practice id stands in as the root's id.
     */
    @MappedEntity("receipt_branding")
    static final class BrandingTable {
        @Id
        private final UUID practiceId;

        BrandingTable(UUID practiceId) {
            this.practiceId = practiceId;
        }

        public UUID getPracticeId() {
            return practiceId;
        }
    }
}

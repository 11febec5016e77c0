package com.patientpayments.emr.practice;

import com.patientpayments.contract.PostalAddress;
import com.patientpayments.contract.PracticeLogo;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads practices, their locations and active landing-page hashes: a Micronaut Data repository whose native
 * {@code @Query} statements return flat row records (compile-time introspection, no reflection), assembled here into
 * {@link PracticeView}. Call it inside a (read) transaction so the statements share one connection; outside one each
 * statement takes its own.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class PracticeRepository implements GenericRepository<PracticeRepository.PracticeTable, UUID> {
    private static final String SELECT = "SELECT p.*, (SELECT h.hash FROM practice_hashes h WHERE h.practice_id = p.id"
            + " AND h.active ORDER BY h.created_at DESC, h.hash LIMIT 1) AS active_hash,"
            + " lg.content_type AS logo_type, lg.sha256 AS logo_sha256, lg.size_bytes AS logo_size FROM practices p"
            + " LEFT JOIN practice_logos lg ON lg.practice_id = p.id AND lg.state = 'PUBLISHED' ";

    /** The practice behind an active landing-page hash (upper case, as stored); empty for unknown or inactive ones. */
    public Optional<PracticeView> findByActiveHash(String hash) {
        return practiceIdOfActiveHash(hash).flatMap(this::findById);
    }

    /** The practice with its locations (by name, then id) and published logo; empty when there is none. */
    public Optional<PracticeView> findById(UUID id) {
        List<LocationRow> locations = locationRows(id);
        return practiceRow(id)
                .map(p -> new PracticeView(
                        p.id(),
                        p.activeHash(),
                        p.tenantId(),
                        p.companyId(),
                        p.name(),
                        p.phone(),
                        p.phoneE164(),
                        address(p.addressLine1(), p.addressLine2(), p.city(), p.state(), p.postalCode()),
                        p.logoUrl(),
                        p.timeZone(),
                        p.stripeAccountId(),
                        locations.stream()
                                .map(l -> new PracticeView.Location(
                                        l.id(),
                                        l.name(),
                                        l.phone(),
                                        address(
                                                l.addressLine1(),
                                                l.addressLine2(),
                                                l.city(),
                                                l.state(),
                                                l.postalCode())))
                                .toList(),
                        logo(p)));
    }

    /** The practice's IANA time zone (as stored, e.g. {@code America/Chicago}); empty for an unknown practice. */
    @Query("SELECT time_zone FROM practices WHERE id = :id")
    public abstract Optional<String> timeZone(UUID id);

    /**
     * The practice behind a landing-page hash, active or not (receipt branding of a receipt printed under an older
     * hash still resolves); empty for an unknown hash.
     */
    @Query("SELECT practice_id FROM practice_hashes WHERE hash = :hash")
    public abstract Optional<UUID> practiceIdOfHash(String hash);

    /** The practice and its time zone behind a landing-page hash, active or not; empty for an unknown hash. */
    @Query("SELECT p.id, p.time_zone FROM practice_hashes h JOIN practices p ON p.id = h.practice_id"
            + " WHERE h.hash = :hash")
    public abstract Optional<PracticeZone> zoneOfHash(String hash);

    /** Whether the location belongs to the practice (false for an unknown one or another practice's). */
    public boolean hasLocation(UUID practiceId, UUID locationId) {
        return locationOf(practiceId, locationId).isPresent();
    }

    @Query("SELECT practice_id FROM practice_hashes WHERE hash = :hash AND active")
    protected abstract Optional<UUID> practiceIdOfActiveHash(String hash);

    @Query("SELECT 1 FROM practice_locations WHERE id = :locationId AND practice_id = :practiceId")
    protected abstract Optional<Integer> locationOf(UUID practiceId, UUID locationId);

    @Query("SELECT * FROM practice_locations WHERE practice_id = :practiceId ORDER BY name, id")
    protected abstract List<LocationRow> locationRows(UUID practiceId);

    @Query(SELECT + "WHERE p.id = :id")
    protected abstract Optional<PracticeRow> practiceRow(UUID id);

    private static @Nullable PracticeLogo logo(PracticeRow p) {
        String type = p.logoType();
        String sha256 = p.logoSha256();
        Integer size = p.logoSize();
        return type == null || sha256 == null || size == null ? null : new PracticeLogo(type, sha256.trim(), size);
    }

    private static @Nullable PostalAddress address(
            @Nullable String line1,
            @Nullable String line2,
            @Nullable String city,
            @Nullable String state,
            @Nullable String postalCode) {
        if (line1 == null && city == null) {
            return null;
        }
        return new PostalAddress(line1, line2, city, state, postalCode);
    }

    /**
     * A practice id with its IANA time zone.
     *
     * @param id the practice
     * @param timeZone its time zone as stored
     */
    @Introspected
    public record PracticeZone(UUID id, String timeZone) {}

    /** One row of {@link #SELECT}: the practice's columns, its newest active hash and its published logo's facts. */
    @Introspected
    protected record PracticeRow(
            String id,
            @Nullable String activeHash,
            String tenantId,
            String companyId,
            String name,
            @Nullable String phone,
            @Nullable String phoneE164,
            @Nullable String addressLine1,
            @Nullable String addressLine2,
            @Nullable String city,
            @Nullable String state,
            @Nullable String postalCode,
            @Nullable String logoUrl,
            String timeZone,
            @Nullable String stripeAccountId,
            @Nullable String logoType,
            @Nullable String logoSha256,
            @Nullable Integer logoSize) {}

    /** One row of {@code practice_locations}. */
    @Introspected
    protected record LocationRow(
            String id,
            String name,
            @Nullable String phone,
            @Nullable String addressLine1,
            @Nullable String addressLine2,
            @Nullable String city,
            @Nullable String state,
            @Nullable String postalCode) {}

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used).
     */
    @MappedEntity("practices")
    static final class PracticeTable {
        @Id
        private final UUID id;

        PracticeTable(UUID id) {
            this.id = id;
        }

        public UUID getId() {
            return id;
        }
    }
}

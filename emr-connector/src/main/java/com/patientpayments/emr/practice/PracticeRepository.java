package com.patientpayments.emr.practice;

import com.patientpayments.emr.Jdbc;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads practices, their locations and active landing-page hashes. */
@Singleton
public class PracticeRepository {
    private static final String SELECT = "SELECT p.*, (SELECT h.hash FROM practice_hashes h WHERE h.practice_id = p.id"
            + " AND h.active ORDER BY h.created_at DESC, h.hash LIMIT 1) AS active_hash,"
            + " lg.content_type AS logo_type, lg.sha256 AS logo_sha256, lg.size_bytes AS logo_size FROM practices p"
            + " LEFT JOIN practice_logos lg ON lg.practice_id = p.id AND lg.state = 'PUBLISHED' ";

    public Optional<PracticeView> findByActiveHash(Connection c, String hash) {
        return Jdbc.one(
                        c,
                        "SELECT practice_id FROM practice_hashes WHERE hash = ? AND active",
                        rs -> rs.getObject(1, UUID.class),
                        hash)
                .flatMap(id -> findById(c, id));
    }

    public Optional<PracticeView> findById(Connection c, UUID id) {
        List<PracticeView.Location> locations = Jdbc.list(
                c,
                "SELECT * FROM practice_locations WHERE practice_id = ? ORDER BY name, id",
                rs -> new PracticeView.Location(
                        rs.getString("id"), rs.getString("name"), rs.getString("phone"), address(rs)),
                id);
        return Jdbc.one(
                c,
                SELECT + "WHERE p.id = ?",
                rs -> new PracticeView(
                        rs.getString("id"),
                        rs.getString("active_hash"),
                        rs.getString("tenant_id"),
                        rs.getString("company_id"),
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getString("phone_e164"),
                        address(rs),
                        rs.getString("logo_url"),
                        rs.getString("time_zone"),
                        rs.getString("stripe_account_id"),
                        locations,
                        logo(rs)),
                id);
    }

    private static PracticeLogos.@Nullable Logo logo(ResultSet rs) throws SQLException {
        String type = rs.getString("logo_type");
        return type == null
                ? null
                : new PracticeLogos.Logo(type, rs.getString("logo_sha256").trim(), rs.getInt("logo_size"));
    }

    private static PracticeView.@Nullable Address address(ResultSet rs) throws SQLException {
        if (rs.getString("address_line1") == null && rs.getString("city") == null) {
            return null;
        }
        return new PracticeView.Address(
                rs.getString("address_line1"),
                rs.getString("address_line2"),
                rs.getString("city"),
                rs.getString("state"),
                rs.getString("postal_code"));
    }
}

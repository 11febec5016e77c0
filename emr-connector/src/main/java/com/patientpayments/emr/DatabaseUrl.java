package com.patientpayments.emr;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A database address from {@code DATABASE_URL}: either a JDBC URL ({@code jdbc:postgresql://host:port/db?user=…}) or
 * the common {@code postgres://user:pass@host:port/db} form, turned into what the JDBC driver wants.
 *
 * @param jdbcUrl  the JDBC URL
 * @param username user from the URL's user-info, or null (then the JDBC URL's own parameters apply)
 * @param password password from the URL's user-info, or null
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    /** Parses either accepted form; anything else is a configuration error stated without echoing credentials. */
    public static DatabaseUrl parse(String raw) {
        String url = raw.trim();
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, null, null);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            String user = null;
            String pass = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                pass = parts.length > 1 ? decode(parts[1]) : null;
            }
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
            return new DatabaseUrl(jdbc, user, pass);
        }
        throw new IllegalArgumentException(
                "DATABASE_URL must start with jdbc:postgresql:// or postgres:// (value not shown)");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

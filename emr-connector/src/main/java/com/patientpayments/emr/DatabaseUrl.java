package com.patientpayments.emr;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A database address from {@code DATABASE_URL}: either a JDBC URL ({@code jdbc:postgresql://host:port/db?user=…}) or
 * the common {@code postgres://user:pass@host:port/db} form, turned into what the JDBC driver wants.
 *
 * @param jdbcUrl  the JDBC URL
 * @param username user from the URL's user-info, or null (then the JDBC URL's own parameters apply)
 * @param password password from the URL's user-info, or null
 */
public record DatabaseUrl(
        String jdbcUrl, @Nullable String username, @Nullable String password) {

    /** Parses either accepted form; anything else is a configuration error stated without echoing credentials. */
    public static DatabaseUrl parse(String raw) {
        String url = raw.trim();
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, null, null);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            try {
                return fromUri(URI.create(url));
            } catch (IllegalArgumentException e) {
                // URI/URLDecoder messages quote the input, password included: never rethrow them.
                throw new IllegalArgumentException("DATABASE_URL is not a valid postgres:// URL (value not shown)");
            }
        }
        throw new IllegalArgumentException(
                "DATABASE_URL must start with jdbc:postgresql:// or postgres:// (value not shown)");
    }

    private static DatabaseUrl fromUri(URI uri) {
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

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl.replaceAll("password=[^&]*", "password=***") + ", user=" + username + "]";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

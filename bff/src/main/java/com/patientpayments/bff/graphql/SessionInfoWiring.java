package com.patientpayments.bff.graphql;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

/**
 * {@code Query.session}: the session's expiry times, null when signed out. Asking renews the session (a fresh
 * cookie), so it is the cheap authenticated request behind the SPA's timeout warning ("Stay signed in", WCAG 2.2.1
 * Timing Adjustable). It touches neither the connector nor Redis beyond the revocation check every request does.
 */
@Singleton
public class SessionInfoWiring implements GraphQLWiring {

    private final CookieSessionAccess sessions;

    public SessionInfoWiring(CookieSessionAccess sessions) {
        this.sessions = sessions;
    }

    @Override
    public void wire(RuntimeWiring.Builder builder) {
        builder.type(
                "Query",
                t -> t.dataFetcher(
                        "session",
                        env -> sessions.renew(env)
                                .map(e -> new SessionInfo(
                                        e.idleExpiry().toString(),
                                        e.absoluteEnd().toString()))
                                .orElse(null)));
    }

    /** GraphQL {@code SessionInfo}: ISO-8601 instants. */
    public record SessionInfo(String idleExpiresAt, String absoluteExpiresAt) {}
}

package com.patientpayments.bff.graphql;

import com.patientpayments.bff.console.ConsoleAccess;
import com.patientpayments.bff.console.StaffSessions;
import com.patientpayments.bff.console.StaffSettings;
import com.patientpayments.bff.emr.ConsoleDtos;
import com.patientpayments.bff.session.SessionSettings;
import graphql.schema.DataFetchingEnvironment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The console's staff session at the GraphQL edge: its own HttpOnly, SameSite=Strict cookie
 * ({@link StaffSettings#cookieName()}, no Max-Age: the browser drops it at exit, the server's Redis TTL is the idle
 * expiry) carrying the token of {@link StaffSessions}; the staff member it names, read from the connector once per
 * request ({@link ConsoleAccess#staff(String)}) however many fields ask. The patient's session cookie is never read
 * here, and this cookie is never read by patient fields.
 */
@Singleton
public class ConsoleStaffSession {
    private static final String STAFF = "pp.console.staff";
    private static final String RESOLVED = "pp.staff.session";

    private final StaffSessions sessions;
    private final ConsoleAccess access;
    private final StaffSettings settings;
    private final boolean secure;

    public ConsoleStaffSession(
            StaffSessions sessions, ConsoleAccess access, StaffSettings settings, SessionSettings session) {
        this.sessions = sessions;
        this.access = access;
        this.settings = settings;
        this.secure = session.cookieSecure();
    }

    /**
     * The signed-in, active staff member of this request, or empty (no staff session, or the account is no longer
     * active); {@code UPSTREAM_UNAVAILABLE} while Redis or the connector is down.
     */
    public Optional<ConsoleDtos.Staff> staff(DataFetchingEnvironment env) {
        return GraphQLRequestContext.computeIfAbsent(
                env, STAFF, () -> staffId(env).flatMap(access::staff));
    }

    /** The signed-in staff member, else {@code UNAUTHENTICATED}. */
    public ConsoleDtos.Staff require(DataFetchingEnvironment env) {
        return ConsoleAccess.require(staff(env));
    }

    /** The signed-in vendor support member (the operations views), else {@code UNAUTHENTICATED}/{@code FORBIDDEN}. */
    public ConsoleDtos.Staff requireSupport(DataFetchingEnvironment env) {
        return ConsoleAccess.requireSupport(require(env));
    }

    /** Starts a staff session for {@code staff} (ending this browser's previous one) and sets its cookie. */
    public void start(DataFetchingEnvironment env, ConsoleDtos.Staff staff) {
        end(env);
        String token = sessions.start(staff.id());
        GraphQLRequestContext.response(env).cookie(cookie(token));
        env.getGraphQlContext().put(RESOLVED, Optional.of(staff.id()));
        env.getGraphQlContext().put(STAFF, Optional.of(staff));
    }

    /** Ends this request's staff session (if any) on the server and clears the cookie (if the browser sent one). */
    public void end(DataFetchingEnvironment env) {
        HttpRequest<?> request = GraphQLRequestContext.request(env);
        Optional<Cookie> sent = sentCookie(request);
        sessions.end(sent.map(Cookie::getValue).orElse(null));
        if (sent.isPresent()) {
            GraphQLRequestContext.response(env).cookie(cookie("").maxAge(0));
        }
        env.getGraphQlContext().put(RESOLVED, Optional.empty());
        // Fields after staffSignOut in the same document run signed out, not as the cached staff member.
        env.getGraphQlContext().put(STAFF, Optional.empty());
    }

    /** The staff id of this request's staff session, renewing its idle expiry; empty without one. */
    private Optional<String> staffId(DataFetchingEnvironment env) {
        return GraphQLRequestContext.computeIfAbsent(
                env,
                RESOLVED,
                () -> sessions.staffId(sentCookie(GraphQLRequestContext.request(env))
                        .map(Cookie::getValue)
                        .orElse(null)));
    }

    // The request is in the context of every GraphQL request the endpoint runs; a missing one has no cookie.
    private Optional<Cookie> sentCookie(@Nullable HttpRequest<?> request) {
        return request == null ? Optional.empty() : request.getCookies().findCookie(settings.cookieName());
    }

    private Cookie cookie(String value) {
        return Cookie.of(settings.cookieName(), value)
                .httpOnly(true)
                .secure(secure)
                .sameSite(SameSite.Strict)
                .path("/");
    }
}

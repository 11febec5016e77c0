package com.patientpayments.bff.graphql;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.session.PatientSession;
import com.patientpayments.bff.session.RevokedSessions;
import com.patientpayments.bff.session.SessionExpiry;
import com.patientpayments.bff.session.SessionSettings;
import com.patientpayments.bff.session.SessionTokens;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * How a data fetcher learns who is signed in: the session as an HttpOnly, SameSite=Strict cookie holding a short
 * JWT. Idle expiry slides: after a GraphQL request with a valid session the cookie is re-issued with a new idle expiry (never past the absolute end) — unless the
 * current token was issued within the last {@link #renewalStep()} (at most 10 s, a sixtieth of the idle timeout), so
 * a busy page does not re-sign a token per request; the idle timeout therefore holds to within that step. Sign-out
 * revokes the session id server-side ({@link RevokedSessions}) and clears the cookie.
 */
@Singleton
public class CookieSessionAccess implements GraphQLExchangeHook {

    private static final String STATE = "pp.session.state";

    private final SessionSettings settings;
    private final SessionTokens tokens;
    private final RevokedSessions revoked;

    public CookieSessionAccess(SessionSettings settings, SessionTokens tokens, RevokedSessions revoked) {
        this.settings = settings;
        this.tokens = tokens;
        this.revoked = revoked;
    }

    /** The valid session of the request this fetcher runs for, if any. */
    public Optional<PatientSession> current(DataFetchingEnvironment env) {
        return Optional.ofNullable(state(env.getGraphQlContext(), GraphQLRequestContext.request(env)).session);
    }

    /** The valid session, or {@link ErrorCode#UNAUTHENTICATED}. */
    public PatientSession require(DataFetchingEnvironment env) {
        return current(env)
                .orElseThrow(() -> new PaymentsException(
                        ErrorCode.UNAUTHENTICATED, "Your session has ended. Please sign in again."));
    }

    /** Starts a session for a household after a successful sign-in; returns its idle expiry. */
    public Instant start(DataFetchingEnvironment env, String practiceId, String practiceHash, String householdId) {
        return start(env, practiceId, practiceHash, householdId, null);
    }

    /** Starts a session that remembers the patient's language ({@code en}, {@code es}); returns its idle expiry. */
    public Instant start(
            DataFetchingEnvironment env, String practiceId, String practiceHash, String householdId, String locale) {
        State state = state(env.getGraphQlContext(), GraphQLRequestContext.request(env));
        if (state.session != null) {
            revoked.revoke(state.session.sessionId());
        }
        Instant now = Instant.now();
        state.session = new PatientSession(UUID.randomUUID().toString(), practiceId, practiceHash, householdId, locale);
        state.absoluteEnd = now.plus(settings.absoluteTimeout());
        state.changed = true;
        return writeCookie(GraphQLRequestContext.response(env), state, now);
    }

    /**
     * Renews the session of this request now (a fresh cookie with a new idle expiry, never past the absolute end) and
     * returns its expiry times; empty when the request has no valid session. Backs {@code Query.session}, the
     * SPA's "Stay signed in": the answer states exactly what the re-issued cookie says.
     */
    public Optional<SessionExpiry> renew(DataFetchingEnvironment env) {
        State state = state(env.getGraphQlContext(), GraphQLRequestContext.request(env));
        if (state.session == null) {
            return Optional.empty();
        }
        Instant idleExpiry = writeCookie(GraphQLRequestContext.response(env), state, Instant.now());
        state.expiry = idleExpiry;
        state.changed = true;
        return Optional.of(new SessionExpiry(idleExpiry, state.absoluteEnd));
    }

    /** Ends the session of this request, if any, on the server and in the browser. */
    public void end(DataFetchingEnvironment env) {
        State state = state(env.getGraphQlContext(), GraphQLRequestContext.request(env));
        if (state.session != null) {
            revoked.revoke(state.session.sessionId());
        }
        state.session = null;
        state.changed = true;
        GraphQLRequestContext.response(env).cookie(cookie("").maxAge(0));
    }

    @Override
    public void afterExecution(HttpRequest<?> request, MutableHttpResponse<?> response, GraphQLContext context) {
        State state = context.get(STATE);
        if (state != null && state.changed) {
            return;
        }
        if (request.getCookies().findCookie(settings.cookieName()).isEmpty()) {
            return;
        }
        state = state(context, request);
        if (state.session == null) {
            response.cookie(cookie("").maxAge(0));
            return;
        }
        Instant now = Instant.now();
        Instant idle = now.plus(settings.idleTimeout());
        Instant renewed = idle.isAfter(state.absoluteEnd) ? state.absoluteEnd : idle;
        if (state.expiry != null && !state.expiry.plus(renewalStep()).isBefore(renewed)) {
            return; // the current cookie is fresh enough
        }
        writeCookie(response, state, now);
    }

    /** How recent a token may be and still not be re-issued: a sixtieth of the idle timeout, at most 10 s. */
    Duration renewalStep() {
        Duration step = settings.idleTimeout().dividedBy(60);
        return step.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : step;
    }

    private Instant writeCookie(MutableHttpResponse<?> response, State state, Instant now) {
        Instant idle = now.plus(settings.idleTimeout());
        Instant exp = idle.isAfter(state.absoluteEnd) ? state.absoluteEnd : idle;
        String jwt = tokens.sign(state.session, exp, state.absoluteEnd);
        response.cookie(cookie(jwt).maxAge(Math.max(1, exp.getEpochSecond() - now.getEpochSecond())));
        return exp;
    }

    private Cookie cookie(String value) {
        return Cookie.of(settings.cookieName(), value)
                .httpOnly(true)
                .secure(settings.cookieSecure())
                .sameSite(SameSite.Strict)
                .path("/");
    }

    private State state(GraphQLContext ctx, HttpRequest<?> request) {
        return ctx.computeIfAbsent(STATE, k -> resolve(request));
    }

    private State resolve(HttpRequest<?> request) {
        State s = new State();
        if (request == null) {
            return s;
        }
        request.getCookies()
                .findCookie(settings.cookieName())
                .flatMap(c -> tokens.verify(c.getValue(), Instant.now()))
                .filter(v -> !revoked.isRevoked(v.session().sessionId()))
                .ifPresent(v -> {
                    s.session = v.session();
                    s.expiry = v.expiry();
                    s.absoluteEnd = v.absoluteEnd();
                });
        return s;
    }

    /** Per-request session state, kept in the GraphQL context. */
    private static final class State {
        volatile PatientSession session;
        volatile Instant expiry;
        volatile Instant absoluteEnd;
        volatile boolean changed;
    }
}

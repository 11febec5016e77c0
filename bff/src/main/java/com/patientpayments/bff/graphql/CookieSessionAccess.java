package com.patientpayments.bff.graphql;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.session.PatientSession;
import com.patientpayments.bff.session.RevokedSessions;
import com.patientpayments.bff.session.SessionExpiry;
import com.patientpayments.bff.session.SessionSettings;
import com.patientpayments.bff.session.SessionTokens;
import com.patientpayments.bff.session.SessionTokens.VerifiedSession;
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
import org.jspecify.annotations.Nullable;

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
        return Optional.ofNullable(state(env.getGraphQlContext(), GraphQLRequestContext.request(env)).current)
                .map(VerifiedSession::session);
    }

    /** The valid session, or {@link ErrorCode#UNAUTHENTICATED}. */
    public PatientSession require(DataFetchingEnvironment env) {
        return current(env)
                .orElseThrow(() -> new PaymentsException(
                        ErrorCode.UNAUTHENTICATED, "Your session has ended. Please sign in again."));
    }

    /** Starts a session for a household after a successful sign-in; returns its idle expiry. */
    public Instant start(DataFetchingEnvironment env, String practiceId, String practiceHash, String householdId) {
        return start(env, practiceId, practiceHash, householdId, "en");
    }

    /** Starts a session that remembers the patient's language ({@code en}, {@code es}); returns its idle expiry. */
    public Instant start(
            DataFetchingEnvironment env, String practiceId, String practiceHash, String householdId, String locale) {
        State state = state(env.getGraphQlContext(), GraphQLRequestContext.request(env));
        VerifiedSession old = state.current;
        if (old != null) {
            revoked.revoke(old.session().sessionId());
        }
        Instant now = Instant.now();
        PatientSession session =
                new PatientSession(UUID.randomUUID().toString(), practiceId, practiceHash, householdId, locale);
        Instant absoluteEnd = now.plus(settings.absoluteTimeout());
        Instant idleExpiry = writeCookie(GraphQLRequestContext.response(env), session, absoluteEnd, now);
        state.current = new VerifiedSession(session, idleExpiry, absoluteEnd);
        state.changed = true;
        return idleExpiry;
    }

    /**
     * Renews the session of this request now (a fresh cookie with a new idle expiry, never past the absolute end) and
     * returns its expiry times; empty when the request has no valid session. Backs {@code Query.session}, the
     * SPA's "Stay signed in": the answer states exactly what the re-issued cookie says.
     */
    public Optional<SessionExpiry> renew(DataFetchingEnvironment env) {
        State state = state(env.getGraphQlContext(), GraphQLRequestContext.request(env));
        VerifiedSession current = state.current;
        if (current == null) {
            return Optional.empty();
        }
        Instant idleExpiry = writeCookie(
                GraphQLRequestContext.response(env), current.session(), current.absoluteEnd(), Instant.now());
        state.current = new VerifiedSession(current.session(), idleExpiry, current.absoluteEnd());
        state.changed = true;
        return Optional.of(new SessionExpiry(idleExpiry, current.absoluteEnd()));
    }

    /** Ends the session of this request, if any, on the server and in the browser. */
    public void end(DataFetchingEnvironment env) {
        State state = state(env.getGraphQlContext(), GraphQLRequestContext.request(env));
        VerifiedSession current = state.current;
        if (current != null) {
            revoked.revoke(current.session().sessionId());
        }
        state.current = null;
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
        VerifiedSession current = state(context, request).current;
        if (current == null) {
            response.cookie(cookie("").maxAge(0));
            return;
        }
        Instant now = Instant.now();
        Instant idle = now.plus(settings.idleTimeout());
        Instant renewed = idle.isAfter(current.absoluteEnd()) ? current.absoluteEnd() : idle;
        if (!current.expiry().plus(renewalStep()).isBefore(renewed)) {
            return; // the current cookie is fresh enough
        }
        writeCookie(response, current.session(), current.absoluteEnd(), now);
    }

    /** How recent a token may be and still not be re-issued: a sixtieth of the idle timeout, at most 10 s. */
    Duration renewalStep() {
        Duration step = settings.idleTimeout().dividedBy(60);
        return step.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : step;
    }

    private Instant writeCookie(
            MutableHttpResponse<?> response, PatientSession session, Instant absoluteEnd, Instant now) {
        Instant idle = now.plus(settings.idleTimeout());
        Instant exp = idle.isAfter(absoluteEnd) ? absoluteEnd : idle;
        String jwt = tokens.sign(session, exp, absoluteEnd);
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
                .ifPresent(v -> s.current = v);
        return s;
    }

    /** Per-request session state, kept in the GraphQL context. */
    private static final class State {
        /** The request's valid session with its cookie's expiry times; null when it has none (or it ended). */
        volatile @Nullable VerifiedSession current;

        volatile boolean changed;
    }
}

package com.patientpayments.bff.session;

import com.patientpayments.bff.emr.EmrHousehold;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.emr.HouseholdLookup;
import com.patientpayments.bff.graphql.ApiErrorHandler;
import com.patientpayments.bff.graphql.Arguments;
import com.patientpayments.bff.graphql.ConnectorErrors;
import com.patientpayments.bff.graphql.GraphQLRequestContext;
import com.patientpayments.bff.graphql.GraphQLWiring;
import com.patientpayments.bff.household.HouseholdRef;
import com.patientpayments.bff.observability.Failures;
import com.patientpayments.bff.observability.Funnel;
import com.patientpayments.bff.receipt.ReceiptLocale;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code signIn} and {@code signOut}. Every sign-in does the same work whatever the outcome (limiter check, connector
 * lookup, failure count) and is padded to {@link SignInSettings#minDuration()}, so the generic failure cannot be told
 * apart by body, status or timing. Each attempt counts, including those behind aliases.
 */
@Singleton
public class SignInWiring implements GraphQLWiring {

    private final EmrClient emr;
    private final CookieSessionAccess sessions;
    private final SignInLimiter limiter;
    private final SignInSettings settings;
    private final Funnel funnel;
    private final Failures failures;
    private final MeterRegistry registry;

    public SignInWiring(EmrClient emr, CookieSessionAccess sessions, SignInLimiter limiter, SignInSettings settings,
                        Funnel funnel, Failures failures, MeterRegistry registry) {
        this.emr = emr;
        this.sessions = sessions;
        this.limiter = limiter;
        this.settings = settings;
        this.funnel = funnel;
        this.failures = failures;
        this.registry = registry;
    }

    @Override
    public void wire(RuntimeWiring.Builder builder) {
        builder.type("Mutation", t -> t
                .dataFetcher("signIn", this::signIn)
                .dataFetcher("signOut", this::signOut));
    }

    SignInResult signIn(DataFetchingEnvironment env) {
        long started = System.nanoTime();
        String outcome = "failure";
        try {
            String hash = Arguments.id(env, "practiceHash", 32);
            String account = Arguments.text(env, "accountNumber", 64);
            String lastName = Arguments.text(env, "lastName", 100);
            String locale = ReceiptLocale.language(env.getArgument("locale"), "locale", ReceiptLocale.DEFAULT);
            String accountKey = hash.toUpperCase(Locale.ROOT) + "|" + account;
            String client = clientAddress(GraphQLRequestContext.request(env));

            boolean blocked = limiter.blocked(accountKey, client);
            EmrOutcome<EmrHousehold> answer = emr.lookup(new HouseholdLookup(hash, account, lastName));
            Optional<EmrHousehold> found = answer instanceof EmrOutcome.NotFound<EmrHousehold> ? Optional.empty()
                    : Optional.of(answer.orElseThrow(o -> ConnectorErrors.toApi(o, "")));
            if (blocked || found.isEmpty()) {
                limiter.recordFailure(accountKey, client);
                failures.record("signIn", blocked ? "rate_limited" : "no_match");
                padFrom(started);
                return SignInResult.failed();
            }
            EmrHousehold h = found.get();
            Instant idleExpiry = sessions.start(env, h.practiceId(), h.practiceHash(), h.id(), locale);
            funnel.record(Funnel.Step.SIGNED_IN, h.practiceHash());
            outcome = "success";
            padFrom(started);
            return new SignInResult(true, new HouseholdRef(sessions.current(env).orElseThrow()), null,
                    idleExpiry.toString());
        } catch (RuntimeException e) {
            outcome = "error";
            throw ApiErrorHandler.toApiException(e);
        } finally {
            Timer.builder("pp.signin").description("Sign-in duration").publishPercentileHistogram()
                    .tag("outcome", outcome).register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    boolean signOut(DataFetchingEnvironment env) {
        sessions.end(env);
        return true;
    }

    private void padFrom(long started) {
        long remaining = settings.minDuration().toNanos() - (System.nanoTime() - started);
        if (remaining > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String clientAddress(HttpRequest<?> request) {
        if (request == null || request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null) {
            return "unknown";
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}

package com.patientpayments.bff.graphql;

import com.patientpayments.bff.emr.ConnectorErrors;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrHouseholdMatch;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.emr.HouseholdLookup;
import com.patientpayments.bff.observability.Failures;
import com.patientpayments.bff.observability.Funnel;
import com.patientpayments.bff.ratelimit.Reservation;
import com.patientpayments.bff.receipt.ReceiptLocale;
import com.patientpayments.bff.session.SignInLimiter;
import com.patientpayments.bff.session.SignInSettings;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code signIn} and {@code signOut}. A guess is reserved against the per-account and per-address limits before the
 * connector checks it ({@link SignInLimiter}); every answer is padded to {@link SignInSettings#minDuration()}, so the
 * generic failure cannot be told apart by body, status or timing. Each attempt counts, including those behind
 * aliases.
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
    private final HttpClientAddressResolver addresses;

    public SignInWiring(
            EmrClient emr,
            CookieSessionAccess sessions,
            SignInLimiter limiter,
            SignInSettings settings,
            Funnel funnel,
            Failures failures,
            MeterRegistry registry,
            HttpClientAddressResolver addresses) {
        this.addresses = addresses;
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
        builder.type("Mutation", t -> t.dataFetcher("signIn", this::signIn).dataFetcher("signOut", this::signOut));
    }

    SignInResult signIn(DataFetchingEnvironment env) {
        long started = System.nanoTime();
        String outcome = "failure";
        try {
            String hash = Arguments.id(env, "practiceHash", 32);
            String account = Arguments.text(env, "accountNumber", 64);
            String lastName = Arguments.personName(env, "lastName", 100);
            String locale = ReceiptLocale.language(env.getArgument("locale"), "locale", ReceiptLocale.DEFAULT);
            String accountKey = hash.toUpperCase(Locale.ROOT) + "|" + account;
            String client = clientAddress(GraphQLRequestContext.request(env));

            // Reserve first, then look up: a guess is counted before it is checked, so concurrent requests cannot
            // all slip in under the limit; a refused guess is never checked at all.
            Reservation guess = limiter.reserve(accountKey, client);
            if (!guess.granted()) {
                failures.record("signIn", "rate_limited");
                padFrom(started);
                return SignInResult.failed(locale, settings.window().toMinutes());
            }
            EmrOutcome<EmrHouseholdMatch> answer = emr.signInMatch(new HouseholdLookup(hash, account, lastName));
            if (!(answer instanceof EmrOutcome.Found<EmrHouseholdMatch>) && !answer.isNotFound()) {
                guess.release(); // no answer (down, refused): the client learns nothing from this guess
                throw ConnectorErrors.toApi(answer, "");
            }
            Optional<EmrHouseholdMatch> found =
                    answer instanceof EmrOutcome.Found<EmrHouseholdMatch> f ? Optional.of(f.value()) : Optional.empty();
            if (found.isEmpty()) {
                failures.record("signIn", "no_match");
                padFrom(started);
                return SignInResult.failed(locale, settings.window().toMinutes());
            }
            guess.release(); // the right details: a success never uses up a limit
            EmrHouseholdMatch h = found.get();
            Instant idleExpiry = sessions.start(env, h.practiceId(), h.practiceHash(), h.id(), locale);
            funnel.record(Funnel.Step.SIGNED_IN, h.practiceHash());
            outcome = "success";
            padFrom(started);
            return new SignInResult(
                    true, new HouseholdRef(sessions.current(env).orElseThrow()), null, idleExpiry.toString());
        } catch (RuntimeException e) {
            outcome = "error";
            throw ApiErrorHandler.toApiException(e);
        } finally {
            Timer.builder("pp.signin")
                    .description("Sign-in duration")
                    .publishPercentileHistogram()
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    boolean signOut(DataFetchingEnvironment env) {
        sessions.end(env);
        return true;
    }

    private void padFrom(long started) {
        SignInPacing.padFrom(started, settings.minDuration());
    }

    private String clientAddress(HttpRequest<?> request) {
        String address = request == null ? null : addresses.resolve(request);
        return address == null ? "unknown" : address;
    }
}

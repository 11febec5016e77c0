package com.patientpayments.bff.graphql;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.observability.Failures;
import com.patientpayments.bff.observability.Funnel;
import com.patientpayments.bff.practice.PracticeLookupSettings;
import com.patientpayments.bff.practice.PracticeService;
import com.patientpayments.bff.practice.PracticeView;
import com.patientpayments.bff.ratelimit.AttemptLimiter;
import com.patientpayments.bff.ratelimit.Limit;
import com.patientpayments.bff.ratelimit.Reservation;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * {@code Query.practice(hash)}: public; null for an unknown or inactive hash; counts the funnel's {@code landing}.
 * Look-ups are throttled per client address ({@link PracticeLookupSettings}): each is reserved first and given back
 * when the hash exists, so only misses — what enumerating hashes produces — use the allowance.
 */
@Singleton
public class PracticeWiring implements GraphQLWiring {

    /** Hashes are short; anything longer is malformed input, not an unknown practice. */
    static final int MAX_HASH_LENGTH = 32;

    static final String RATE_LIMITED_MESSAGE =
            "Too many practice pages were looked up from your network. " + "Please wait a few minutes and try again.";

    private final PracticeService practices;
    private final Funnel funnel;
    private final Failures failures;
    private final AttemptLimiter limiter;
    private final Limit misses;
    private final HttpClientAddressResolver addresses;

    public PracticeWiring(
            PracticeService practices,
            Funnel funnel,
            Failures failures,
            AttemptLimiter limiter,
            PracticeLookupSettings settings,
            HttpClientAddressResolver addresses) {
        this.practices = practices;
        this.funnel = funnel;
        this.failures = failures;
        this.limiter = limiter;
        this.misses = new Limit("practice-miss", settings.maxLookupMisses(), settings.window());
        this.addresses = addresses;
    }

    @Override
    public void wire(RuntimeWiring.Builder builder) {
        builder.type("Query", t -> t.dataFetcher("practice", this::practice));
    }

    @Nullable
    PracticeView practice(DataFetchingEnvironment env) {
        String hash = Arguments.id(env, "hash", MAX_HASH_LENGTH);
        Reservation lookup = limiter.reserve(misses.of(clientAddress(GraphQLRequestContext.request(env))));
        if (!lookup.granted()) {
            failures.record("practice", "rate_limited");
            throw new PaymentsException(ErrorCode.RATE_LIMITED, RATE_LIMITED_MESSAGE);
        }
        PracticeView view;
        try {
            view = practices.byHash(hash).orElse(null);
        } catch (RuntimeException e) {
            lookup.release(); // nothing was learned
            throw e;
        }
        if (view != null) {
            lookup.release(); // a real landing page: reloading it never uses the allowance
            funnel.record(Funnel.Step.LANDING, view.hash());
        }
        return view;
    }

    private String clientAddress(HttpRequest<?> request) {
        String address = request == null ? null : addresses.resolve(request);
        return address == null ? "unknown" : address;
    }
}

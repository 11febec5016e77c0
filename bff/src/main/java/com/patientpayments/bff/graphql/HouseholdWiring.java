package com.patientpayments.bff.graphql;

import com.patientpayments.bff.household.HouseholdChargesCache;
import com.patientpayments.bff.household.HouseholdView;
import com.patientpayments.bff.practice.PracticeService;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;

/**
 * {@code Query.household} and the fields of {@code Household}. The household is always the session's own (there is
 * no id argument to tamper with); its data is loaded once per request from {@link HouseholdChargesCache}.
 */
@Singleton
public class HouseholdWiring implements GraphQLWiring {

    private final CookieSessionAccess sessions;
    private final HouseholdChargesCache cache;
    private final PracticeService practices;

    public HouseholdWiring(CookieSessionAccess sessions, HouseholdChargesCache cache, PracticeService practices) {
        this.sessions = sessions;
        this.cache = cache;
        this.practices = practices;
    }

    @Override
    public void wire(RuntimeWiring.Builder builder) {
        builder.type(
                "Query",
                t -> t.dataFetcher(
                        "household",
                        env -> sessions.current(env).map(HouseholdRef::new).orElse(null)));
        builder.type(
                "Household",
                t -> t.dataFetcher("guarantorName", env -> view(env).guarantorName())
                        .dataFetcher(
                                "practice",
                                env -> practices
                                        .byHash(view(env).practiceHash())
                                        .orElse(null))
                        .dataFetcher("balance", env -> view(env).balance())
                        .dataFetcher("credit", env -> view(env).credit())
                        .dataFetcher("patients", env -> view(env).patients())
                        .dataFetcher("charges", env -> {
                            List<String> statuses = env.getArgument("status");
                            return view(env).charges(statuses == null ? null : new HashSet<>(statuses));
                        })
                        .dataFetcher("chargeSummary", env -> view(env).summary()));
    }

    /** The household of the source session, loaded at most once per request. */
    private HouseholdView view(DataFetchingEnvironment env) {
        HouseholdRef ref = env.getSource();
        String householdId = ref.session().householdId();
        return env.getGraphQlContext().computeIfAbsent("pp.household." + householdId, k -> cache.view(householdId));
    }
}

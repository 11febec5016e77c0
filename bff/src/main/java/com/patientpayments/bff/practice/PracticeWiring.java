package com.patientpayments.bff.practice;

import com.patientpayments.bff.graphql.Arguments;
import com.patientpayments.bff.graphql.GraphQLWiring;
import com.patientpayments.bff.observability.Funnel;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

/** {@code Query.practice(hash)}: public; null for an unknown or inactive hash; counts the funnel's {@code landing}. */
@Singleton
public class PracticeWiring implements GraphQLWiring {

    /** Hashes are short; anything longer is malformed input, not an unknown practice. */
    static final int MAX_HASH_LENGTH = 32;

    private final PracticeService practices;
    private final Funnel funnel;

    public PracticeWiring(PracticeService practices, Funnel funnel) {
        this.practices = practices;
        this.funnel = funnel;
    }

    @Override
    public void wire(RuntimeWiring.Builder builder) {
        builder.type("Query", t -> t.dataFetcher("practice", env -> {
            String hash = Arguments.id(env, "hash", MAX_HASH_LENGTH);
            PracticeView view = practices.byHash(hash).orElse(null);
            if (view != null) {
                funnel.record(Funnel.Step.LANDING, view.hash());
            }
            return view;
        }));
    }
}

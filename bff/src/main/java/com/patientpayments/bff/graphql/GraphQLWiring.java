package com.patientpayments.bff.graphql;

import graphql.schema.idl.RuntimeWiring;

/**
 * A feature's contribution to the GraphQL runtime wiring: its data fetchers (one per field) and type resolvers.
 * Every bean of this type is applied by {@link GraphQLFactory}, so a feature package adds its fields without
 * touching the factory.
 *
 * <p>Data fetchers that call the EMR connector, Redis or anything else that blocks must not run on the Netty event
 * loop: return a {@code CompletionStage} completed on the {@code TaskExecutors.BLOCKING} executor.
 */
public interface GraphQLWiring {

    /** Registers this feature's fetchers on the builder. */
    void wire(RuntimeWiring.Builder builder);
}

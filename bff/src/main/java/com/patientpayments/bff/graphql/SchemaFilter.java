package com.patientpayments.bff.graphql;

import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * A feature's edit of the parsed contract before the schema is built, for fields that exist only in some
 * configurations (e.g. {@code confirmSimulatedPayment} only in SIMULATED mode).
 */
public interface SchemaFilter {

    /** Edits the registry in place. */
    void apply(TypeDefinitionRegistry registry);
}

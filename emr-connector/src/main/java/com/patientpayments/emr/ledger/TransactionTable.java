package com.patientpayments.emr.ledger;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.UUID;

/**
 * The table the read repositories over {@code transactions} ({@link TransactionRepository}, and the console's
 * {@code console.RoiRepository} and {@code console.ConsolePaymentRepository}) are rooted at,
 * because Micronaut Data needs a root entity to implement {@code @Query} methods; never read or written as an entity
 * (no generated CRUD is used).
 */
@MappedEntity("transactions")
public final class TransactionTable {
    @Id
    private final UUID id;

    public TransactionTable(UUID id) {
        this.id = id;
    }

    public UUID getId() {
        return id;
    }
}

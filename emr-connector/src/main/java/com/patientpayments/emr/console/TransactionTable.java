package com.patientpayments.emr.console;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.UUID;

/**
 * The table the console's read repositories ({@link RoiRepository}, {@link ConsolePaymentRepository}) are rooted at,
 * because Micronaut Data needs a root entity to implement {@code @Query} methods; never read or written as an entity
 * (no generated CRUD is used).
 */
@MappedEntity("transactions")
final class TransactionTable {
    @Id
    private final UUID id;

    TransactionTable(UUID id) {
        this.id = id;
    }

    public UUID getId() {
        return id;
    }
}

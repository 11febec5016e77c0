package com.patientpayments.emr.ledger;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.UUID;

/**
 * The one place a payment is allocated against a household's ledger: the payable charges (positive balance, not under
 * an open chargeback) and {@link Allocator}. Posting and the allocation preview both call it, so the preview a
 * patient sees is what the posting does with the same balances.
 */
@Singleton
public class Allocations {
    private final LedgerRepository ledger;

    public Allocations(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    /**
     * How {@code amount} goes to the household's charges now, and the credit left over; {@code c} is the connection of
     * the caller's transaction.
     */
    public Allocator.Allocation plan(Connection c, UUID householdId, Money amount) {
        return Allocator.allocate(ledger.allocatable(c, householdId), amount);
    }
}

package com.patientpayments.emr.ledger;

import jakarta.inject.Singleton;
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

    /** How {@code amount} goes to the household's charges now, and the credit left over. */
    public Allocator.Allocation plan(UUID householdId, Money amount) {
        return Allocator.allocate(ledger.allocatable(householdId), amount);
    }
}

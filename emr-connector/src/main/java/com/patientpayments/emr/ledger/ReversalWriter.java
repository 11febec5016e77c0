package com.patientpayments.emr.ledger;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Appends the rows of a reversal (refund or dispute): negative applications and a negative credit entry. */
@Singleton
public class ReversalWriter {
    private final LedgerRepository ledger;
    private final AuditLog audit;

    public ReversalWriter(LedgerRepository ledger, AuditLog audit) {
        this.ledger = ledger;
        this.audit = audit;
    }

    /** Plans the reversal of {@code amount} (capped by what the transaction still holds) and writes it. */
    public Reverser.Reversal reverse(Connection c, UUID householdId, UUID txId, Money amount, String kind,
                                     String refundId, String disputeId) {
        Money credit = ledger.transactionCredit(c, txId);
        List<Reverser.Applied> applied = ledger.netApplied(c, txId);
        Money capped = amount.min(Reverser.available(credit, applied));
        if (!capped.isPositive()) {
            return new Reverser.Reversal(List.of(), Money.ZERO);
        }
        Reverser.Reversal reversal = Reverser.reverse(credit, applied, capped);
        List<UUID> ids = reversal.lines().stream().map(Reverser.Line::chargeId).toList();
        Map<UUID, Long> balances = ledger.balances(c, ids);
        List<LedgerRepository.Row> rows = new ArrayList<>();
        List<AuditLog.Entry> entries = new ArrayList<>();
        String reference = refundId != null ? refundId : disputeId;
        for (Reverser.Line line : reversal.lines()) {
            long after = balances.get(line.chargeId()) + line.reversed().cents();
            rows.add(new LedgerRepository.Row(line.chargeId(), -line.reversed().cents(), after));
            entries.add(new AuditLog.Entry(kind, householdId, txId, null, line.chargeId(),
                    -line.reversed().cents(), reference));
        }
        ledger.appendApplications(c, txId, kind, refundId, disputeId, rows);
        if (reversal.creditReversed().isPositive()) {
            ledger.appendCredit(c, householdId, txId, -reversal.creditReversed().cents(), kind, reference);
            entries.add(new AuditLog.Entry(kind + "_CREDIT", householdId, txId, null, null,
                    -reversal.creditReversed().cents(), reference));
        }
        audit.append(c, entries);
        return reversal;
    }
}

package com.patientpayments.emr.ledger;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Brings a transaction's ledger rows in line with the provider's current state of its refunds and disputes
 * ({@link Holdings}): reads the posting's slots, the claims and what each claim holds, and appends the difference as
 * application rows and credit entries (never rewriting a row), with one audit row per move. Runs inside the caller's
 * database transaction, under the household's row lock.
 */
@Singleton
public class HoldingsWriter {
    private final LedgerRepository ledger;
    private final ClaimRepository claims;
    private final AuditLog audit;

    public HoldingsWriter(LedgerRepository ledger, ClaimRepository claims, AuditLog audit) {
        this.ledger = ledger;
        this.claims = claims;
        this.audit = audit;
    }

    /** Appends what changed; answers the moves (empty when the ledger already matched). */
    public List<Holdings.Move> project(Connection c, UUID householdId, UUID txId) {
        List<Holdings.Slot> slots = ledger.slots(txId);
        var target = Holdings.target(slots, claims.claims(txId));
        List<UUID> chargeIds = slots.stream()
                .filter(s -> !s.isCredit())
                .map(Holdings.Slot::chargeId)
                .toList();
        Map<UUID, Long> balances = ledger.balances(chargeIds);
        List<Holdings.Move> moves = Holdings.plan(target, ledger.held(txId), balances, ledger.inLieuCredit(txId));
        if (moves.isEmpty()) {
            return moves;
        }
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (Holdings.Move m : moves) {
            boolean refund = m.source().kind() == Holdings.Kind.REFUND;
            String refundId = refund ? m.source().id() : null;
            String disputeId = refund ? null : m.source().id();
            if (m.chargeId() != null && m.chargeCents() != 0) { // charge moves; a credit-slot move has no charge
                LedgerKind kind = LedgerKind.of(m.source().kind(), m.chargeCents());
                ledger.appendApplications(
                        c,
                        txId,
                        kind,
                        refundId,
                        disputeId,
                        List.of(new LedgerRepository.Row(m.chargeId(), m.chargeCents(), m.chargeBalanceAfter())));
                entries.add(new AuditLog.Entry(
                        AuditAction.applied(kind),
                        householdId,
                        txId,
                        null,
                        m.chargeId(),
                        m.chargeCents(),
                        m.source().id()));
            }
            if (m.creditCents() != 0) {
                LedgerKind kind = LedgerKind.of(m.source().kind(), m.creditCents());
                ledger.appendCredit(
                        c, householdId, txId, m.creditCents(), kind, m.source().id(), m.chargeId());
                entries.add(new AuditLog.Entry(
                        AuditAction.credited(kind),
                        householdId,
                        txId,
                        null,
                        m.chargeId(),
                        m.creditCents(),
                        m.source().id()));
            }
        }
        audit.append(c, entries);
        return moves;
    }
}

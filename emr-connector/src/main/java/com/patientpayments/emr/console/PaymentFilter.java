package com.patientpayments.emr.console;

import com.patientpayments.contract.TransactionStatus;
import com.patientpayments.emr.EmrException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The console's payment filters, checked: a paid-at window as instants (the practice's days already converted), a
 * location, statuses, an amount range in cents, and exact account number / transaction id / provider reference.
 * Every field may be null (no filter).
 */
public record PaymentFilter(
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable UUID locationId,
        @Nullable List<TransactionStatus> statuses,
        @Nullable Long minCents,
        @Nullable Long maxCents,
        @Nullable String accountNumber,
        @Nullable UUID transactionId,
        @Nullable String providerReference) {

    public PaymentFilter {
        if (minCents != null && maxCents != null && minCents > maxCents) {
            throw EmrException.invalid("minAmountCents must not be above maxAmountCents.");
        }
        statuses = statuses == null || statuses.isEmpty() ? null : List.copyOf(statuses);
    }

    /** SQL conditions on {@code t} (transactions) and {@code h} (households), with their parameters appended. */
    String where(List<Object> params) {
        StringBuilder w = new StringBuilder();
        if (from != null) {
            w.append(" AND t.paid_at >= ?");
            params.add(from);
        }
        if (to != null) {
            w.append(" AND t.paid_at < ?");
            params.add(to);
        }
        if (locationId != null) {
            w.append(" AND EXISTS (SELECT 1 FROM payment_applications a JOIN charges ch ON ch.id = a.charge_id"
                    + " WHERE a.transaction_id = t.id AND a.kind = 'PAYMENT' AND ch.location_id = ?)");
            params.add(locationId);
        }
        if (statuses != null) {
            w.append(" AND t.status IN (")
                    .append(String.join(",", statuses.stream().map(s -> "?").toList()))
                    .append(')');
            statuses.forEach(s -> params.add(s.name()));
        }
        if (minCents != null) {
            w.append(" AND t.amount_cents >= ?");
            params.add(minCents);
        }
        if (maxCents != null) {
            w.append(" AND t.amount_cents <= ?");
            params.add(maxCents);
        }
        if (accountNumber != null) {
            w.append(" AND h.account_number = ?");
            params.add(accountNumber);
        }
        if (transactionId != null) {
            w.append(" AND t.id = ?");
            params.add(transactionId);
        }
        if (providerReference != null) {
            w.append(" AND t.provider_reference = ?");
            params.add(providerReference);
        }
        return w.toString();
    }
}

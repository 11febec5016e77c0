package com.patientpayments.bff.console;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.emr.ConsoleDtos;
import com.patientpayments.bff.emr.ConsoleEmr;
import com.patientpayments.bff.emr.ConsoleErrors;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.payment.PaymentProvider;
import com.patientpayments.bff.payment.ProviderException;
import com.patientpayments.bff.payment.ProviderRefusedException;
import com.patientpayments.contract.RefundRequest;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds from the console: the request is recorded in the connector (idempotent by the client's key), then asked of
 * the payment provider's refund API with the same key; the ledger changes only when the provider's refund event
 * arrives by webhook.
 */
@Singleton
public class ConsoleRefunds {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRefunds.class);
    private static final String NOT_FOUND = "We could not find that payment.";

    private final ConsoleEmr emr;
    private final BeanProvider<PaymentProvider> provider;

    public ConsoleRefunds(ConsoleEmr emr, BeanProvider<PaymentProvider> provider) {
        this.emr = emr;
        this.provider = provider;
    }

    /**
     * Refunds {@code amountCents} of payment {@code transactionId}, found among the staff member's practices where
     * their role may refund. Arguments are already checked by the edge (amount above zero, key 8-100 characters).
     *
     * @param reason the schema's refund reason ({@code OTHER} is sent to the provider without one)
     * @return the refund request as the connector holds it afterwards ({@code status} {@code REFUSED}: the provider
     *     refused it)
     * @throws PaymentsException {@code FORBIDDEN} (a practice the role may not refund for, or none at all),
     *     {@code NOT_FOUND}, {@code BAD_USER_INPUT} (the connector's refusal, or the provider's),
     *     {@code UPSTREAM_UNAVAILABLE} (the provider did not answer: the same key may be retried)
     */
    public RefundRequest refund(
            ConsoleDtos.Staff staff,
            String transactionId,
            long amountCents,
            String reason,
            @Nullable String note,
            String key) {
        ConsoleDtos.Practice practice = null;
        boolean seen = false;
        for (ConsoleDtos.Practice p : staff.practices()) {
            if (emr.payment(staff.id(), p.id(), transactionId) instanceof EmrOutcome.Found<?>) {
                seen = true;
                if (ConsoleAccess.allows(p, ConsoleAccess.Capability.ACT)) {
                    practice = p;
                }
                break;
            }
        }
        if (practice == null) {
            throw seen
                    ? ConsoleAccess.forbidden()
                    : staff.practices().stream().anyMatch(p -> ConsoleAccess.allows(p, ConsoleAccess.Capability.ACT))
                            ? new PaymentsException(ErrorCode.NOT_FOUND, NOT_FOUND)
                            : ConsoleAccess.forbidden();
        }
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("transactionId", transactionId);
        body.put("amountCents", amountCents);
        body.put("reason", reason);
        body.put("note", note);
        body.put("idempotencyKey", key);
        RefundRequest request = ConsoleErrors.value(emr.requestRefund(staff.id(), practice.id(), body), NOT_FOUND);
        if ("REQUESTED".equals(request.status())) {
            request = submit(staff, practice, request, key, reason);
        }
        return request;
    }

    /** Asks the provider (idempotent by the key: a retry after a crash asks again and gets the same refund). */
    private RefundRequest submit(
            ConsoleDtos.Staff staff, ConsoleDtos.Practice practice, RefundRequest request, String key, String reason) {
        String providerReason = "OTHER".equals(reason) ? null : reason.toLowerCase(Locale.ROOT);
        try {
            PaymentProvider.RefundSnapshot refund = provider.get()
                    .refund(
                            request.providerReference(),
                            request.amountCents(),
                            key,
                            providerReason,
                            request.stripeAccountId());
            return ConsoleErrors.value(
                    emr.settleRefund(staff.id(), practice.id(), request.id(), refund.id()), "Not found.");
        } catch (ProviderRefusedException e) {
            emr.settleRefund(staff.id(), practice.id(), request.id(), null);
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "The payment processor refused this refund.");
        } catch (ProviderException e) {
            LOG.warn("refund request not answered by the provider; the same key may be retried");
            throw new PaymentsException(
                    ErrorCode.UPSTREAM_UNAVAILABLE,
                    "The payment processor did not answer. Please try again in a moment.");
        }
    }
}

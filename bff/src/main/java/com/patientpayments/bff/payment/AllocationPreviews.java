package com.patientpayments.bff.payment;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.Money;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.emr.ConnectorErrors;
import com.patientpayments.bff.emr.EmrAllocationPreview;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.session.PatientSession;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * {@code Household.allocationPreview}: how an amount would be applied now, computed by the connector's own allocator
 * (the code the posting runs), so what the patient sees is what the receipt will say.
 */
@Singleton
public class AllocationPreviews {

    /** The connector's bound on any amount ($100,000.00). */
    static final long MAX_CENTS = 10_000_000L;

    private final EmrClient emr;

    public AllocationPreviews(EmrClient emr) {
        this.emr = emr;
    }

    /** @throws PaymentsException BAD_USER_INPUT for an amount ≤ 0 or above $100,000.00; UPSTREAM_UNAVAILABLE */
    public PreviewView preview(PatientSession session, long amountCents) {
        if (amountCents <= 0) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "Enter an amount greater than zero.");
        }
        if (amountCents > MAX_CENTS) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "The amount is too large.");
        }
        EmrOutcome<EmrAllocationPreview> outcome = emr.allocationPreview(session.householdId(), amountCents);
        if (outcome instanceof EmrOutcome.Rejected<EmrAllocationPreview>) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "The amount is not valid.");
        }
        EmrAllocationPreview p = outcome.orElseThrow(
                o -> ConnectorErrors.toApi(o, "We couldn't find this account any more. Please sign in again."));
        String currency = p.currency() == null ? "USD" : p.currency();
        return new PreviewView(
                Money.of(p.amountCents(), currency),
                p.lines().stream()
                        .map(l -> new LineView(
                                l.chargeId(),
                                Money.of(l.appliedCents(), currency),
                                Money.of(l.remainingCents(), currency)))
                        .toList(),
                Money.of(p.creditCents(), currency));
    }

    /** GraphQL {@code AllocationPreview}. */
    public record PreviewView(Money amount, List<LineView> lines, Money credit) {}

    /** GraphQL {@code AllocationPreviewLine}. */
    public record LineView(String chargeId, Money applied, Money remaining) {}
}

package com.patientpayments.emr.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.patientpayments.contract.AttemptStatus;
import com.patientpayments.contract.TransactionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionStatusTest {
    @Test
    void derivesFromRefundsAndDisputes() {
        assertThat(TransactionStatus.derive(100, 0, false, false)).isEqualTo(TransactionStatus.SUCCEEDED);
        assertThat(TransactionStatus.derive(100, 40, false, false)).isEqualTo(TransactionStatus.PARTIALLY_REFUNDED);
        assertThat(TransactionStatus.derive(100, 100, false, false)).isEqualTo(TransactionStatus.REFUNDED);
        assertThat(TransactionStatus.derive(100, 40, true, false)).isEqualTo(TransactionStatus.DISPUTED);
        assertThat(TransactionStatus.derive(100, 0, false, true)).isEqualTo(TransactionStatus.DISPUTE_LOST);
        // a failed refund no longer counts: the status goes back
        assertThat(TransactionStatus.derive(100, 0, false, false)).isEqualTo(TransactionStatus.SUCCEEDED);
        assertThat(AttemptStatus.SUCCEEDED.canMoveTo(AttemptStatus.FAILED)).isFalse();
        assertThat(AttemptStatus.FAILED.canMoveTo(AttemptStatus.SUCCEEDED)).isTrue();
    }

    /** Every pair of refund statuses: the merge keeps the furthest, whichever arrives first. */
    @Test
    void refundStatusMergeIsOrderIndependentAndFinalStaysFinal() {
        for (RefundStatus a : RefundStatus.values()) {
            for (RefundStatus b : RefundStatus.values()) {
                RefundStatus ab = a.merge(b);
                RefundStatus ba = b.merge(a);
                if (!(a.inEffect() || b.inEffect())) {
                    // failed vs canceled: both final; the first one seen stays, and either takes nothing
                    assertThat(ab.inEffect()).isFalse();
                    assertThat(ba.inEffect()).isFalse();
                } else {
                    assertThat(ab).as(a + " then " + b).isEqualTo(ba);
                }
            }
            assertThat(RefundStatus.FAILED.merge(a).inEffect()).isFalse();
        }
        assertThat(RefundStatus.SUCCEEDED.merge(RefundStatus.FAILED)).isEqualTo(RefundStatus.FAILED);
        assertThat(RefundStatus.CANCELED.merge(RefundStatus.PENDING)).isEqualTo(RefundStatus.CANCELED);
        // failed and canceled are both final: the one stored first stays what the ledger answers
        assertThat(RefundStatus.FAILED.merge(RefundStatus.CANCELED)).isEqualTo(RefundStatus.FAILED);
        assertThat(RefundStatus.CANCELED.merge(RefundStatus.FAILED)).isEqualTo(RefundStatus.CANCELED);
        for (RefundStatus s : RefundStatus.values()) {
            assertThat(s.canMoveTo(s)).as(s + " to itself").isFalse();
        }
    }

    @Test
    void disputeStatusMergeIsOrderIndependentAndClosedStaysClosed() {
        for (DisputeStatus a : DisputeStatus.values()) {
            for (DisputeStatus b : DisputeStatus.values()) {
                if (a.closed() && b.closed() && a != b) {
                    assertThat(a.merge(b)).isEqualTo(a); // two outcomes never both happen: the first stays
                } else {
                    assertThat(a.merge(b)).as(a + " then " + b).isEqualTo(b.merge(a));
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "warning_needs_response, false, false, true",
        "warning_under_review, false, false, true",
        "warning_closed, false, false, true",
        "needs_response, true, true, false",
        "under_review, true, true, false",
        "won, false, false, false",
        "lost, true, false, false",
        "prevented, false, false, false",
        "OPENED, true, true, false",
    })
    void whatEachDisputeStatusMeansForTheMoney(String status, boolean withdrawn, boolean open, boolean inquiry) {
        DisputeStatus s = DisputeStatus.parse(status);
        assertThat(s.fundsWithdrawn()).isEqualTo(withdrawn);
        assertThat(s.open()).isEqualTo(open);
        assertThat(s.inquiry()).isEqualTo(inquiry);
    }

    @Test
    void unknownStatusesAreRefusedWithAClearError() {
        for (String bad : List.of("", "charge_refunded", "SUCCEEDED ", "won!")) {
            assertThatThrownBy(() -> DisputeStatus.parse(bad))
                    .isInstanceOf(LedgerException.class)
                    .extracting(e -> ((LedgerException) e).code())
                    .isEqualTo(LedgerError.INVALID);
        }
        assertThatThrownBy(() -> RefundStatus.parse("refunded")).isInstanceOf(LedgerException.class);
        assertThat(RefundStatus.parse(" Succeeded ")).isEqualTo(RefundStatus.SUCCEEDED);
    }
}

package com.patientpayments.emr.ledger;

import com.patientpayments.emr.api.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionStatusTest {
    @Test
    void derivesFromRefundsAndDisputes() {
        assertThat(TransactionStatus.derive(100, 0, false, false)).isEqualTo(TransactionStatus.SUCCEEDED);
        assertThat(TransactionStatus.derive(100, 40, false, false)).isEqualTo(TransactionStatus.PARTIALLY_REFUNDED);
        assertThat(TransactionStatus.derive(100, 100, false, false)).isEqualTo(TransactionStatus.REFUNDED);
        assertThat(TransactionStatus.derive(100, 40, true, false)).isEqualTo(TransactionStatus.DISPUTED);
        assertThat(TransactionStatus.derive(100, 0, false, true)).isEqualTo(TransactionStatus.DISPUTE_LOST);
    }

    @Test
    void refusesIllegalTransitions() {
        assertThat(TransactionStatus.SUCCEEDED.moveTo(TransactionStatus.DISPUTED)).isEqualTo(TransactionStatus.DISPUTED);
        assertThatThrownBy(() -> TransactionStatus.REFUNDED.moveTo(TransactionStatus.SUCCEEDED))
                .isInstanceOf(ApiException.class);
        assertThat(AttemptStatus.SUCCEEDED.canMoveTo(AttemptStatus.FAILED)).isFalse();
        assertThat(AttemptStatus.FAILED.canMoveTo(AttemptStatus.SUCCEEDED)).isTrue();
    }
}

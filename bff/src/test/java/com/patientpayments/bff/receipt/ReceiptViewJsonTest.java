package com.patientpayments.bff.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.emr.ReceiptAdjustment;
import io.micronaut.serde.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Redis payload survives a JSON round trip unchanged (what {@link ReceiptCache} stores and reads). */
class ReceiptViewJsonTest {

    @Test
    void payloadRoundTripsThroughJson() throws Exception {
        ObjectMapper json = ObjectMapper.getDefault();
        ReceiptView view = ReceiptFixtures.receipt(
                4,
                150,
                List.of(new ReceiptAdjustment("REFUND", 500, Instant.parse("2026-03-05T15:30:00Z"))),
                "PARTIALLY_REFUNDED");
        view = new ReceiptView(
                view.txId(),
                view.providerReference(),
                view.practiceId(),
                view.practiceHash(),
                view.householdId(),
                view.practice(),
                view.guarantorName(),
                Instant.parse("2026-11-22T01:09:19.953743Z"),
                view.methodBrand(),
                view.methodLast4(),
                view.currency(),
                view.totalCents(),
                view.appliedCents(),
                view.creditCents(),
                view.refundedCents(),
                view.status(),
                view.lines(),
                view.adjustments(),
                view.balanceAfterCents());
        String text = json.writeValueAsString(view);
        assertThat(json.readValue(text, ReceiptView.class)).isEqualTo(view);
        assertThat(text).doesNotContain("methodLabel", "shortRef");
    }
}

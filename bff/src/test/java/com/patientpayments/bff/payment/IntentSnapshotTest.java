package com.patientpayments.bff.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.PaymentIntent;
import com.stripe.net.ApiResource;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the BFF reads off a Stripe PaymentIntent, whichever of its optional parts Stripe sent: the card from the
 * expanded latest charge, else from the expanded payment method; the amount received, else the amount; the currency
 * upper-cased (USD when absent). Intents are parsed by stripe-java's own JSON mapping, as from the API.
 */
class IntentSnapshotTest {

    private static final String CARD_CHARGE = "{\"id\":\"ch_1\",\"object\":\"charge\",\"created\":1700000100,"
            + "\"payment_method_details\":{\"type\":\"card\",\"card\":{\"brand\":\"visa\",\"last4\":\"4242\"}}}";
    private static final String BARE_CHARGE = "{\"id\":\"ch_2\",\"object\":\"charge\"}";
    private static final String NO_CARD_CHARGE =
            "{\"id\":\"ch_3\",\"object\":\"charge\",\"created\":1700000100," + "\"payment_method_details\":{}}";
    private static final String CARD_METHOD =
            "{\"id\":\"pm_1\",\"object\":\"payment_method\",\"card\":{\"brand\":\"amex\",\"last4\":\"0005\"}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "card on the charge   | CARD_CHARGE    | CARD_METHOD | 1500 | 1500 | usd | VISA | 4242 | 1700000100",
                "card on the method   | NO_CARD_CHARGE | CARD_METHOD | 0    | 1500 | eur | AMEX | 0005 | 1700000100",
                "charge without parts | BARE_CHARGE    | -           | -    | 1500 | -   | -    | -    | -",
                "nothing expanded     | -              | pm_id       | -    | -    | -   | -    | -    | -",
            })
    void readsWhatStripeSent(
            String why,
            String charge,
            String method,
            Long received,
            Long amount,
            String currency,
            String brand,
            String last4,
            Long paidAt) {
        StringBuilder json =
                new StringBuilder("{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"status\":\"succeeded\"");
        if (charge != null) {
            json.append(",\"latest_charge\":").append(constant(charge));
        }
        if (method != null) {
            json.append(",\"payment_method\":").append(method.equals("pm_id") ? "\"pm_2\"" : constant(method));
        }
        if (received != null) {
            json.append(",\"amount_received\":").append(received);
        }
        if (amount != null) {
            json.append(",\"amount\":").append(amount);
        }
        if (currency != null) {
            json.append(",\"currency\":\"").append(currency).append('"');
        }
        json.append(",\"created\":1700000000,\"metadata\":{\"attempt_id\":\"att-1\"}}");
        IntentSnapshot s = IntentSnapshot.of(ApiResource.GSON.fromJson(json.toString(), PaymentIntent.class));

        assertThat(s.amountCents()).as(why).isEqualTo(amount == null ? 0 : amount);
        assertThat(s.currency()).isEqualTo(currency == null ? "USD" : currency.toUpperCase(java.util.Locale.ROOT));
        assertThat(s.brand()).isEqualTo(brand);
        assertThat(s.last4()).isEqualTo(last4);
        assertThat(s.paidAt()).isEqualTo(paidAt == null ? null : Instant.ofEpochSecond(paidAt));
        assertThat(s.created()).isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(s.attemptId()).isEqualTo("att-1");
    }

    private static String constant(String name) {
        return switch (name) {
            case "CARD_CHARGE" -> CARD_CHARGE;
            case "BARE_CHARGE" -> BARE_CHARGE;
            case "NO_CARD_CHARGE" -> NO_CARD_CHARGE;
            case "CARD_METHOD" -> CARD_METHOD;
            default -> throw new IllegalArgumentException(name);
        };
    }
}

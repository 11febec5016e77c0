package com.patientpayments.bff.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.testsupport.ConnectorApi;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.UUID;

/**
 * Posts real transactions to the test JVM's EMR connector through its REST API, the way the payments flow does
 * (payment attempt, intent id, posting), so receipt tests read authoritative ledger data.
 */
public final class LedgerFixture {

    private LedgerFixture() {}

    /** Posts a card payment of {@code amountCents} for the household and returns the transaction id. */
    public static String pay(String practiceHash, String account, String lastName, long amountCents) {
        JsonNode household = call(
                "POST",
                "/api/v1/households/lookup",
                Map.of("practiceHash", practiceHash, "accountNumber", account, "lastName", lastName));
        JsonNode attempt = call(
                "POST",
                "/api/v1/payment-attempts",
                Map.of(
                        "householdId",
                        household.path("id").asText(),
                        "amountCents",
                        amountCents,
                        "idempotencyKey",
                        UUID.randomUUID().toString()));
        String intent =
                "pi_test" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        call(
                "PUT",
                "/api/v1/payment-attempts/" + attempt.path("id").asText() + "/intent",
                Map.of("providerIntentId", intent));
        JsonNode tx = call("POST", "/api/v1/transactions", ConnectorApi.cardTransaction(intent, amountCents));
        return tx.path("id").asText();
    }

    /** The connector's ReceiptData of a transaction. */
    public static JsonNode receiptData(String txId) {
        return call("GET", "/api/v1/transactions/" + txId + "/receipt", null);
    }

    /** Refunds part of a transaction (a later change the receipt must show). */
    public static void refund(String txId, long amountCents) {
        call(
                "POST",
                "/api/v1/transactions/" + txId + "/refunds",
                Map.of(
                        "refundId",
                        "re_test" + UUID.randomUUID().toString().substring(0, 8),
                        "amountCents",
                        amountCents));
    }

    private static JsonNode call(String method, String path, @Nullable Object body) {
        return ConnectorApi.call(method, path, body);
    }
}

package com.patientpayments.bff.receipt;

import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.annotation.Client;

/** The connector endpoints the receipt feature reads (blocking; call off the event loop). */
@Client(id = "emr")
public interface ReceiptConnectorClient {

    /** Authoritative receipt data of a transaction; 404 for an unknown id. */
    @Get("/api/v1/transactions/{txId}/receipt")
    ConnectorReceipt receipt(String txId);

    /** A practice by its public hash (practice-admin previews with sample data); 404 for unknown/inactive. */
    @Get("/api/v1/practices/by-hash/{hash}")
    ConnectorReceipt.Practice practiceByHash(String hash);
}

package com.patientpayments.bff.payment;

import com.patientpayments.bff.payment.LedgerDtos.AttemptFailure;
import com.patientpayments.bff.payment.LedgerDtos.IntentRef;
import com.patientpayments.bff.payment.LedgerDtos.NewAttempt;
import com.patientpayments.bff.payment.LedgerDtos.NewDispute;
import com.patientpayments.bff.payment.LedgerDtos.NewRefund;
import com.patientpayments.bff.payment.LedgerDtos.NewTransaction;
import com.patientpayments.bff.payment.LedgerDtos.OpenCharges;
import com.patientpayments.bff.payment.LedgerDtos.PaymentAttempt;
import com.patientpayments.bff.payment.LedgerDtos.PracticeAccount;
import com.patientpayments.bff.payment.LedgerDtos.Transaction;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;

import java.util.List;

/**
 * The connector endpoints payments use: attempts, the ledger, refunds and disputes. Blocking: call it from the
 * queue consumer's threads or the {@code BLOCKING} executor, never from the event loop. 4xx/5xx answers surface as
 * {@code HttpClientResponseException}, an unreachable connector as {@code HttpClientException}.
 */
@Client(id = "emr", path = "/api/v1")
public interface LedgerClient {

    @Post("/payment-attempts")
    PaymentAttempt createAttempt(@Body NewAttempt attempt);

    @Get("/payment-attempts/{attemptId}")
    PaymentAttempt attempt(String attemptId);

    @Put("/payment-attempts/{attemptId}/intent")
    PaymentAttempt setIntent(String attemptId, @Body IntentRef intent);

    @Get("/payment-attempts/by-intent/{providerIntentId}")
    PaymentAttempt attemptByIntent(String providerIntentId);

    @Post("/payment-attempts/{attemptId}/failure")
    PaymentAttempt recordFailure(String attemptId, @Body AttemptFailure failure);

    /** 201 when posted now, 200 when this provider reference was already posted. */
    @Post("/transactions")
    HttpResponse<Transaction> postTransaction(@Body NewTransaction transaction);

    @Get("/transactions/by-reference/{providerReference}")
    Transaction transactionByReference(String providerReference);

    @Get("/transactions")
    List<Transaction> transactions(@QueryValue String from, @QueryValue String to);

    @Post("/transactions/{transactionId}/refunds")
    HttpResponse<String> refund(String transactionId, @Body NewRefund refund);

    @Post("/transactions/{transactionId}/disputes")
    HttpResponse<String> dispute(String transactionId, @Body NewDispute dispute);

    @Get("/households/{householdId}/charges")
    OpenCharges openCharges(String householdId);

    @Get("/practices/{practiceId}")
    PracticeAccount practice(String practiceId);
}

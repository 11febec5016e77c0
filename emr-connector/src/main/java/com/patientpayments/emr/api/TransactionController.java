package com.patientpayments.emr.api;

import com.patientpayments.contract.Transaction;
import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.ledger.DisputeView;
import com.patientpayments.emr.ledger.Disputes;
import com.patientpayments.emr.ledger.Money;
import com.patientpayments.emr.ledger.ReceiptView;
import com.patientpayments.emr.ledger.Receipts;
import com.patientpayments.emr.ledger.RefundView;
import com.patientpayments.emr.ledger.Refunds;
import com.patientpayments.emr.ledger.Requests;
import com.patientpayments.emr.ledger.TransactionPosting;
import com.patientpayments.emr.ledger.TransactionRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The ledger: post transactions, read them, receipts, refunds and disputes. */
@Controller("/api/v1/transactions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TransactionController {
    private static final Duration MAX_WINDOW = Duration.ofDays(31);
    /** Compiled once: {@code String.matches} compiled it on every posting (README, "where the time goes"). */
    private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

    private final TransactionOperations<Connection> tx;
    private final TransactionPosting posting;
    private final TransactionRepository transactions;
    private final Receipts receipts;
    private final Refunds refunds;
    private final Disputes disputes;

    public TransactionController(
            TransactionOperations<Connection> tx,
            TransactionPosting posting,
            TransactionRepository transactions,
            Receipts receipts,
            Refunds refunds,
            Disputes disputes) {
        this.tx = tx;
        this.posting = posting;
        this.transactions = transactions;
        this.receipts = receipts;
        this.refunds = refunds;
        this.disputes = disputes;
    }

    @Operation(summary = "Post a succeeded payment: 201 posted now, 200 already posted (idempotent by reference)")
    @Post
    public HttpResponse<Transaction> post(@Body Requests.PostTransaction body) {
        if (body == null) {
            throw EmrException.invalid("A JSON body is required.");
        }
        String reference = Amounts.reference(body.providerReference(), "providerReference");
        long amount = Amounts.require(body.amountCents(), "amountCents");
        Amounts.currency(body.currency());
        String brand = Amounts.optionalText(body.methodBrand(), "methodBrand", 40);
        String last4 = body.methodLast4() == null || body.methodLast4().isEmpty() ? null : body.methodLast4();
        if (last4 != null && !LAST4.matcher(last4).matches()) {
            throw EmrException.invalid("methodLast4 must be 4 digits.");
        }
        // PostgreSQL keeps microseconds: truncate so the first answer and every later read agree.
        Instant paidAt = (body.paidAt() == null ? Instant.now() : instant(body.paidAt(), "paidAt"))
                .truncatedTo(ChronoUnit.MICROS);
        var result = posting.post(new TransactionPosting.Command(
                reference,
                Amounts.optionalReference(body.eventId(), "eventId"),
                Money.ofCents(amount),
                brand == null ? null : brand.toUpperCase(Locale.ROOT),
                last4,
                paidAt));
        return HttpResponse.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result.transaction());
    }

    @Operation(summary = "Transactions paid in [from, to) (window at most 31 days), without allocations")
    @Get
    public List<Transaction> list(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        Instant start = instant(from, "from");
        Instant end = instant(to, "to");
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw EmrException.invalid("from must be before to, at most 31 days apart.");
        }
        return tx.executeRead(s -> transactions.paidBetween(start, end, 10_000));
    }

    @Operation(summary = "Transaction by id")
    @Get("/{transactionId}")
    public Transaction get(String transactionId) {
        var id = Ids.parse(transactionId, "Transaction");
        return tx.executeRead(s -> transactions.find(id)).orElseThrow(() -> EmrException.notFound("Transaction"));
    }

    @Operation(summary = "Transaction by provider reference")
    @Get("/by-reference/{providerReference}")
    public Transaction byReference(String providerReference) {
        String reference = Amounts.pathReference(providerReference, "Transaction");
        return tx.executeRead(s -> transactions.findByReference(reference))
                .orElseThrow(() -> EmrException.notFound("Transaction"));
    }

    @Operation(summary = "Receipt data of a transaction")
    @Get("/{transactionId}/receipt")
    public ReceiptView receipt(String transactionId) {
        return receipts.receipt(Ids.parse(transactionId, "Transaction"));
    }

    @Operation(summary = "Refund at the provider's status: 201 first report, 200 again (a later status applies)")
    @Post("/{transactionId}/refunds")
    public HttpResponse<RefundView> refund(String transactionId, @Body Requests.Refund body) {
        var id = Ids.parse(transactionId, "Transaction");
        var result = refunds.refund(id, ClaimRequests.refund(body));
        return HttpResponse.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result.refund());
    }

    @Operation(summary = "Dispute or inquiry at the provider's status; any order of reports ends in the same state")
    @Post("/{transactionId}/disputes")
    public DisputeView dispute(String transactionId, @Body Requests.Dispute body) {
        var id = Ids.parse(transactionId, "Transaction");
        return disputes.record(id, ClaimRequests.dispute(body));
    }

    static Instant instant(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw EmrException.invalid(field + " is required (ISO-8601 instant).");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw EmrException.invalid(field + " must be an ISO-8601 instant such as 2026-03-14T15:04:05Z.");
        }
    }
}

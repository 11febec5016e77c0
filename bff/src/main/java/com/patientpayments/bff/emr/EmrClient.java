package com.patientpayments.bff.emr;

import com.patientpayments.contract.AttemptStatus;
import com.patientpayments.contract.PaymentAttempt;
import com.patientpayments.contract.Transaction;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.json.JsonMapper;
import io.micronaut.retry.exception.CircuitOpenException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one client of the EMR connector (emr-connector/API.md): practices, the sign-in look-up, households and charges,
 * payment attempts, the ledger, refunds, disputes, receipts and the allocation preview. Every method answers an
 * {@link EmrOutcome} — found / not found / conflict / rejected / unavailable — and never {@code null} or an exception
 * for an answer the connector gave; error bodies are decoded once, by their problem {@code code}.
 *
 * <p>Reads go through the circuit breaker ({@link EmrHttp#read}), writes do not. Blocking: call from the
 * {@code BLOCKING} executor or the queue consumer's threads, never from the event loop.
 */
@Singleton
public class EmrClient {

    private static final String V1 = "/api/v1";

    private final EmrHttp http;
    private final JsonMapper json;

    public EmrClient(EmrHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    // --- practices, sign-in, households -------------------------------------------------------------------------

    /** An active practice by its public hash; unknown and inactive hashes are {@link EmrOutcome.NotFound}. */
    public EmrOutcome<EmrPractice> practiceByHash(String hash) {
        return read(path("practices", "by-hash", hash), Argument.of(EmrPractice.class));
    }

    public EmrOutcome<EmrPractice> practice(String practiceId) {
        return read(path("practices", practiceId), Argument.of(EmrPractice.class));
    }

    /**
     * The sign-in check (a read, though a POST: the body carries PII that must not be in a URL): the matched
     * household's id, practice and current hash only, one statement on the connector (its {@code /lookup} also reads
     * the household's patients and balances, which sign-in never uses).
     */
    public EmrOutcome<EmrHouseholdMatch> signInMatch(HouseholdLookup lookup) {
        return call(true, HttpRequest.POST(path("households", "match"), lookup), Argument.of(EmrHouseholdMatch.class));
    }

    public EmrOutcome<EmrHousehold> household(String householdId) {
        return read(path("households", householdId), Argument.of(EmrHousehold.class));
    }

    public EmrOutcome<EmrOpenCharges> openCharges(String householdId) {
        return read(path("households", householdId, "charges"), Argument.of(EmrOpenCharges.class));
    }

    /** How {@code amountCents} would be applied now, by the posting's own allocator. */
    public EmrOutcome<EmrAllocationPreview> allocationPreview(String householdId, long amountCents) {
        URI uri = UriBuilder.of(path("households", householdId, "allocation-preview"))
                .queryParam("amountCents", amountCents)
                .build();
        return read(uri.toString(), Argument.of(EmrAllocationPreview.class));
    }

    /** The household's attempts created since {@code since} in the given statuses, newest first (at most 20). */
    public EmrOutcome<List<PaymentAttempt>> recentAttempts(
            String householdId, Instant since, Collection<AttemptStatus> statuses) {
        URI uri = UriBuilder.of(path("households", householdId, "payment-attempts"))
                .queryParam("since", since.toString())
                .queryParam("status", csv(statuses))
                .build();
        return read(uri.toString(), Argument.listOf(PaymentAttempt.class));
    }

    // --- payment attempts ---------------------------------------------------------------------------------------

    /** 201 new, 200 the same household + key + amount again; another amount is a {@link EmrOutcome.Conflict}. */
    public EmrOutcome<PaymentAttempt> createAttempt(EmrRequests.NewAttempt attempt) {
        return write(HttpRequest.POST(path("payment-attempts"), attempt), PaymentAttempt.class);
    }

    public EmrOutcome<PaymentAttempt> attempt(String attemptId) {
        return read(path("payment-attempts", attemptId), Argument.of(PaymentAttempt.class));
    }

    public EmrOutcome<PaymentAttempt> attemptByIntent(String providerIntentId) {
        return read(path("payment-attempts", "by-intent", providerIntentId), Argument.of(PaymentAttempt.class));
    }

    public EmrOutcome<PaymentAttempt> setIntent(String attemptId, EmrRequests.IntentRef intent) {
        return write(HttpRequest.PUT(path("payment-attempts", attemptId, "intent"), intent), PaymentAttempt.class);
    }

    /** Records a failure; the connector never lets it override a success. */
    public EmrOutcome<PaymentAttempt> recordFailure(String attemptId, EmrRequests.AttemptFailure failure) {
        return write(HttpRequest.POST(path("payment-attempts", attemptId, "failure"), failure), PaymentAttempt.class);
    }

    /** FAILED → PROCESSING when the patient confirms the same intent again. */
    public EmrOutcome<PaymentAttempt> resumeAttempt(String attemptId) {
        return write(HttpRequest.POST(path("payment-attempts", attemptId, "resume"), "{}"), PaymentAttempt.class);
    }

    /** Attempts still CREATED/PROCESSING and unchanged since before {@code updatedBefore}, oldest first. */
    public EmrOutcome<List<PaymentAttempt>> staleAttempts(Instant updatedBefore, int limit) {
        URI uri = UriBuilder.of(path("payment-attempts"))
                .queryParam("status", "CREATED,PROCESSING")
                .queryParam("updatedBefore", updatedBefore.toString())
                .queryParam("limit", limit)
                .build();
        return read(uri.toString(), Argument.listOf(PaymentAttempt.class));
    }

    // --- the ledger ---------------------------------------------------------------------------------------------

    /** Posts a succeeded payment: 201 posted now, 200 already posted; NotFound when no attempt has the intent. */
    public EmrOutcome<Transaction> postTransaction(EmrRequests.NewTransaction transaction) {
        return write(HttpRequest.POST(path("transactions"), transaction), Transaction.class);
    }

    public EmrOutcome<Transaction> transactionByReference(String providerReference) {
        return read(path("transactions", "by-reference", providerReference), Argument.of(Transaction.class));
    }

    /** Transactions paid in {@code [from, to)} (at most 31 days), without allocations. */
    public EmrOutcome<List<Transaction>> transactions(Instant from, Instant to) {
        URI uri = UriBuilder.of(path("transactions"))
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .build();
        return read(uri.toString(), Argument.listOf(Transaction.class));
    }

    public EmrOutcome<EmrReceipt> receipt(String transactionId) {
        return read(path("transactions", transactionId, "receipt"), Argument.of(EmrReceipt.class));
    }

    /**
     * A refund report by the payment's provider reference: {@code Found} with status 200/201 applied, 202 parked
     * (the payment is not posted yet; it applies when it is); NotFound when no attempt carries the reference.
     */
    public EmrOutcome<EmrClaims.Reported<EmrClaims.Refund>> refund(
            String providerReference, EmrRequests.RefundReport report) {
        return parkable(
                path("transactions", "by-reference", providerReference, "refunds"), report, EmrClaims.Refund.class);
    }

    /** A dispute report by the payment's provider reference (as {@link #refund}). */
    public EmrOutcome<EmrClaims.Reported<EmrClaims.Dispute>> dispute(
            String providerReference, EmrRequests.DisputeReport report) {
        return parkable(
                path("transactions", "by-reference", providerReference, "disputes"), report, EmrClaims.Dispute.class);
    }

    // --- plumbing -----------------------------------------------------------------------------------------------

    /** 200/201 carry the claim, 202 a ParkedEvent: one outcome for both. */
    private <T> EmrOutcome<EmrClaims.Reported<T>> parkable(String uri, Object body, Class<T> type) {
        EmrHttp.Raw raw;
        try {
            raw = http.write(HttpRequest.POST(uri, body));
        } catch (EmrUnavailableException e) {
            return new EmrOutcome.Unavailable<>(e.reason());
        }
        if (raw.status() == 202) {
            EmrOutcome<EmrClaims.Parked> parked = decode(raw, Argument.of(EmrClaims.Parked.class));
            return parked instanceof EmrOutcome.Found<EmrClaims.Parked> f
                    ? new EmrOutcome.Found<>(new EmrClaims.Reported<T>(null, f.value()), 202)
                    : parked.failure();
        }
        EmrOutcome<T> applied = decode(raw, Argument.of(type));
        return applied instanceof EmrOutcome.Found<T> f
                ? new EmrOutcome.Found<>(new EmrClaims.Reported<>(f.value(), null), f.status())
                : applied.failure();
    }

    private <T> EmrOutcome<T> read(String uri, Argument<T> type) {
        return call(true, HttpRequest.GET(uri), type);
    }

    private <T> EmrOutcome<T> write(MutableHttpRequest<?> request, Class<T> type) {
        return call(false, request, Argument.of(type));
    }

    /**
     * One exchange with the connector for another feature's endpoints (the console's): a read goes through the
     * read retry and circuit breaker, a write does not; the answer decoded as every other call's.
     */
    public <T> EmrOutcome<T> exchange(boolean read, MutableHttpRequest<?> request, Argument<T> type) {
        return call(read, request, type);
    }

    private <T> EmrOutcome<T> call(boolean read, MutableHttpRequest<?> request, Argument<T> type) {
        EmrHttp.Raw raw;
        try {
            raw = read ? http.read(request) : http.write(request);
        } catch (EmrUnavailableException e) {
            return new EmrOutcome.Unavailable<>(e.reason());
        } catch (CircuitOpenException e) {
            return new EmrOutcome.Unavailable<>("circuit_open");
        }
        return decode(raw, type);
    }

    /**
     * A 204 No Content for a call whose body type is {@link Void}: the value is the only {@code Void} there is, null.
     * Suppressed because {@code Found<Void>} holds null by type, and NullAway (without its JSpecify generics mode)
     * cannot express {@code Found<@Nullable Void>}; callers of a {@code Void} call never read the value.
     */
    @SuppressWarnings("NullAway")
    private static <T> EmrOutcome<T> noContent(int status) {
        return new EmrOutcome.Found<>(null, status);
    }

    /** Decodes an answer of the connector: a 2xx body, or the failure its problem JSON names. */
    public <T> EmrOutcome<T> decode(EmrHttp.Raw raw, Argument<T> type) {
        int status = raw.status();
        if (status >= 200 && status < 300) {
            if (raw.body().length == 0 && type.getType() == Void.class) {
                return noContent(status);
            }
            try {
                return new EmrOutcome.Found<>(json.readValue(raw.body(), type), status);
            } catch (IOException | RuntimeException e) {
                return new EmrOutcome.Unavailable<>("unreadable_body");
            }
        }
        EmrProblem problem = problem(raw);
        return switch (status) {
            case 404 -> new EmrOutcome.NotFound<>(problem);
            case 409 -> new EmrOutcome.Conflict<>(problem);
            default -> new EmrOutcome.Rejected<>(problem);
        };
    }

    /** The one decoder of the connector's problem JSON. */
    private EmrProblem problem(EmrHttp.Raw raw) {
        if (raw.body().length == 0) {
            return EmrProblem.of(raw.status(), null);
        }
        try {
            return EmrProblem.of(raw.status(), json.readValue(raw.body(), Argument.of(EmrProblem.Body.class)));
        } catch (IOException | RuntimeException e) {
            return EmrProblem.of(raw.status(), null);
        }
    }

    /** {@code /api/v1/a/b/c} with each segment percent-encoded (ids are opaque and may come from outside). */
    private static String path(String... segments) {
        StringBuilder b = new StringBuilder(V1);
        for (String s : segments) {
            b.append('/')
                    .append(URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        return b.toString();
    }

    private static String csv(Collection<AttemptStatus> statuses) {
        return statuses.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}

package com.patientpayments.emr.api;

import com.patientpayments.contract.ErrorCode;
import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.charge.ChargeRepository;
import com.patientpayments.emr.charge.OpenChargesView;
import com.patientpayments.emr.household.HouseholdMatch;
import com.patientpayments.emr.household.HouseholdRepository;
import com.patientpayments.emr.household.HouseholdView;
import com.patientpayments.emr.household.LookupRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.Connection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Household sign-in look-up, household by id and its open charges. */
@Controller("/api/v1/households")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HouseholdController {
    /** One answer for every look-up failure so callers cannot tell which part was wrong. */
    static final String LOOKUP_FAILED = "No household matches these details.";

    private final TransactionOperations<Connection> tx;
    private final HouseholdRepository households;
    private final ChargeRepository charges;
    private final Counter matched;
    private final Counter unmatched;

    public HouseholdController(
            TransactionOperations<Connection> tx,
            HouseholdRepository households,
            ChargeRepository charges,
            MeterRegistry meters) {
        this.tx = tx;
        this.households = households;
        this.charges = charges;
        // Sign-in guesses that reached the EMR (emr_household_lookups_total{outcome}): what the BFF's limiter bounds.
        this.matched =
                Counter.builder("emr.household.lookups").tag("outcome", "match").register(meters);
        this.unmatched = Counter.builder("emr.household.lookups")
                .tag("outcome", "no_match")
                .register(meters);
    }

    @Operation(summary = "Find a household by practice hash, account number and the guarantor's last name")
    @Post("/lookup")
    @Status(HttpStatus.OK)
    public HouseholdView lookup(@Body LookupRequest request) {
        LookupRequest valid = checked(request);
        Optional<HouseholdView> found = tx.executeRead(s -> households
                .lookup(valid.practiceHash(), valid.accountNumber(), valid.lastName())
                .flatMap(households::find));
        return counted(found);
    }

    @Operation(
            summary = "Sign-in: which household the practice hash, account number and the guarantor's last name name",
            description = "The same match and the same 404 as /lookup, answering only the household's id, practice "
                    + "and the practice's newest active hash, in one statement")
    @Post("/match")
    @Status(HttpStatus.OK)
    public HouseholdMatch match(@Body LookupRequest request) {
        LookupRequest valid = checked(request);
        return counted(
                tx.executeRead(s -> households.match(valid.practiceHash(), valid.accountNumber(), valid.lastName())));
    }

    /** Every look-up counts as a guess that reached the EMR; a miss is the one failure answer. */
    private <T> T counted(Optional<T> found) {
        (found.isPresent() ? matched : unmatched).increment();
        return found.orElseThrow(() -> new EmrException(ErrorCode.NOT_FOUND, LOOKUP_FAILED));
    }

    /**
     * The request with its hash upper-cased and account number trimmed, or the refusal: missing parts and control
     * characters are {@code VALIDATION_FAILED}; over-long parts are the one look-up failure (they match nothing).
     */
    private static LookupRequest checked(LookupRequest request) {
        if (request == null
                || blank(request.practiceHash())
                || blank(request.accountNumber())
                || blank(request.lastName())) {
            throw EmrException.invalid("practiceHash, accountNumber and lastName are required.");
        }
        // A tab in a typed name is only a space (LastNames); other control characters are refused.
        if (Amounts.hasControlCharacters(request.practiceHash()
                + request.accountNumber()
                + request.lastName().replace('\t', ' '))) {
            throw EmrException.invalid("practiceHash, accountNumber and lastName must not contain control characters.");
        }
        if (request.practiceHash().length() > 12
                || request.accountNumber().length() > 32
                || request.lastName().length() > 100) {
            throw new EmrException(ErrorCode.NOT_FOUND, LOOKUP_FAILED);
        }
        return new LookupRequest(
                request.practiceHash().trim().toUpperCase(Locale.ROOT),
                request.accountNumber().trim(),
                request.lastName());
    }

    @Operation(summary = "Household by id")
    @Get("/{householdId}")
    public HouseholdView byId(String householdId) {
        UUID id = Ids.parse(householdId, "Household");
        return tx.executeRead(s -> households.find(id)).orElseThrow(() -> EmrException.notFound("Household"));
    }

    @Operation(summary = "Open charges of a household, in allocation order")
    @Get("/{householdId}/charges")
    public OpenChargesView charges(String householdId) {
        UUID id = Ids.parse(householdId, "Household");
        return tx.executeRead(s -> {
            if (!households.exists(id)) {
                throw EmrException.notFound("Household");
            }
            return charges.open(id);
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

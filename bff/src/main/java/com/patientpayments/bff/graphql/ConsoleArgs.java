package com.patientpayments.bff.graphql;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.emr.ConsoleDtos;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks of the console's arguments: specific {@code BAD_USER_INPUT} messages that never echo the value. */
final class ConsoleArgs {
    private static final Set<String> STATUSES =
            Set.of("SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED", "DISPUTE_LOST");

    private ConsoleArgs() {}

    /** An opaque id: 1-64 letters, digits, '-' or '_'. */
    static String id(@Nullable Object raw, String name) {
        if (!(raw instanceof String s) || !s.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`" + name + "` is not a valid identifier.");
        }
        return s;
    }

    /** An ISO date (yyyy-mm-dd). */
    static String date(@Nullable Object raw, String name) {
        try {
            if (raw instanceof String s) {
                return LocalDate.parse(s).toString();
            }
        } catch (DateTimeParseException e) {
            // the same answer as a missing or non-string value, below
        }
        throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`" + name + "` must be an ISO date (yyyy-mm-dd).");
    }

    /** An account number: 1-32 letters, digits or '-'. */
    static String account(@Nullable Object raw) {
        if (!(raw instanceof String s) || !s.strip().matches("[A-Za-z0-9-]{1,32}")) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT, "An account number must be 1 to 32 letters, digits or hyphens.");
        }
        return s.strip();
    }

    /** The connector's query parameters of a {@code ConsolePaymentFilter} (null: no filter). */
    static Map<String, @Nullable Object> filter(@Nullable Map<String, Object> f, ConsoleDtos.Practice practice) {
        Map<String, @Nullable Object> q = new HashMap<>();
        if (f == null) {
            return q;
        }
        if (f.get("from") != null) {
            q.put("from", date(f.get("from"), "filter.from"));
        }
        if (f.get("to") != null) {
            q.put("to", date(f.get("to"), "filter.to"));
        }
        if (q.containsKey("from")
                && q.containsKey("to")
                && LocalDate.parse((String) q.get("to")).isBefore(LocalDate.parse((String) q.get("from")))) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`filter.to` must not be before `filter.from`.");
        }
        Object location = f.get("locationId");
        if (location != null) {
            if (practice.locations().stream().noneMatch(l -> l.id().equals(location))) {
                throw new PaymentsException(
                        ErrorCode.BAD_USER_INPUT, "`filter.locationId` is not a location of this" + " practice.");
            }
            q.put("locationId", location);
        }
        if (f.get("statuses") instanceof List<?> statuses && !statuses.isEmpty()) {
            for (Object s : statuses) {
                if (!STATUSES.contains(String.valueOf(s))) {
                    throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`filter.statuses` lists an unknown status.");
                }
            }
            q.put(
                    "status",
                    String.join(",", statuses.stream().map(String::valueOf).toList()));
        }
        Integer min = (Integer) f.get("minAmountCents");
        Integer max = (Integer) f.get("maxAmountCents");
        if ((min != null && min < 0) || (max != null && max < 0) || (min != null && max != null && min > max)) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT,
                    "The amount range must be zero or more, the minimum not above the maximum.");
        }
        q.put("minAmountCents", min);
        q.put("maxAmountCents", max);
        if (f.get("accountNumber") != null
                && !String.valueOf(f.get("accountNumber")).isBlank()) {
            q.put("accountNumber", account(f.get("accountNumber")));
        }
        if (f.get("transactionId") != null
                && !String.valueOf(f.get("transactionId")).isBlank()) {
            q.put("transactionId", id(String.valueOf(f.get("transactionId")).strip(), "filter.transactionId"));
        }
        if (f.get("providerReference") != null
                && !String.valueOf(f.get("providerReference")).isBlank()) {
            q.put(
                    "providerReference",
                    id(String.valueOf(f.get("providerReference")).strip(), "filter.providerReference"));
        }
        return q;
    }
}

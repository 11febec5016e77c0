package com.patientpayments.bff.graphql;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.console.ConsoleAccess;
import com.patientpayments.bff.console.StaffSettings;
import com.patientpayments.bff.emr.ConnectorErrors;
import com.patientpayments.bff.emr.ConsoleDtos;
import com.patientpayments.bff.emr.ConsoleEmr;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.ratelimit.AttemptLimiter;
import com.patientpayments.bff.ratelimit.Limit;
import com.patientpayments.bff.ratelimit.Reservation;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code staffSignIn} / {@code staffSignOut}. The same concurrency-safe lockout as the patient's sign-in: a guess is
 * reserved against the per-email and per-address limits ({@link AttemptLimiter}, shared Redis buckets) before the
 * connector checks it; a success or an {@code otpRequired} answer (the password was right) gives the reservation
 * back. Every failure is one generic answer, padded to {@link StaffSettings#minDuration()}.
 */
@Singleton
public class StaffSignInWiring implements GraphQLWiring {
    static final String FAILED =
            "The email, password or code is not right, or too many attempts were made." + " Please try again later.";

    private final ConsoleEmr emr;
    private final ConsoleStaffSession sessions;
    private final ConsoleAccess access;
    private final AttemptLimiter limiter;
    private final StaffSettings settings;
    private final HttpClientAddressResolver addresses;
    private final Limit perEmail;
    private final Limit perAddress;

    public StaffSignInWiring(
            ConsoleEmr emr,
            ConsoleStaffSession sessions,
            ConsoleAccess access,
            AttemptLimiter limiter,
            StaffSettings settings,
            HttpClientAddressResolver addresses) {
        this.emr = emr;
        this.sessions = sessions;
        this.access = access;
        this.limiter = limiter;
        this.settings = settings;
        this.addresses = addresses;
        this.perEmail = new Limit("staff-signin-email", settings.maxAccountFailures(), settings.window());
        this.perAddress = new Limit("staff-signin-address", settings.maxClientFailures(), settings.window());
    }

    @Override
    public void wire(RuntimeWiring.Builder builder) {
        builder.type(
                "Mutation", t -> t.dataFetcher("staffSignIn", this::signIn).dataFetcher("staffSignOut", this::signOut));
    }

    Map<String, Object> signIn(DataFetchingEnvironment env) {
        long started = System.nanoTime();
        String email = raw(env, "email", 254).strip().toLowerCase(Locale.ROOT);
        String password = raw(env, "password", 200);
        Object otpArg = env.getArgument("otp");
        String otp = otpArg instanceof String s && !s.isBlank() ? s.strip() : null;
        if (otp != null && otp.length() > 12) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`otp` is too long.");
        }
        try {
            Reservation guess = limiter.reserve(List.of(perEmail.of(email), perAddress.of(client(env))));
            if (!guess.granted()) {
                return failed(started);
            }
            EmrOutcome<ConsoleDtos.SignInCheck> answer = emr.check(email, password, otp);
            if (!(answer instanceof EmrOutcome.Found<ConsoleDtos.SignInCheck> found)) {
                guess.release(); // no answer: the client learns nothing from this guess
                throw ConnectorErrors.toApi(answer, "");
            }
            switch (found.value().outcome()) {
                case "OK" -> {
                    guess.release();
                    ConsoleDtos.Staff staff = found.value().staff();
                    if (staff == null) { // the connector's contract: OK always names the staff member
                        throw new IllegalStateException("the sign-in check answered OK without a staff member");
                    }
                    sessions.start(env, staff);
                    access.audit(staff.id(), "SIGN_IN", null, null, null, null);
                    pad(started);
                    Map<String, Object> ok = result(true, false, null);
                    ok.put("staff", staff);
                    return ok;
                }
                case "OTP_REQUIRED" -> {
                    guess.release();
                    pad(started);
                    return result(false, true, null);
                }
                default -> {
                    return failed(started);
                }
            }
        } catch (RuntimeException e) {
            throw ApiErrorHandler.toApiException(e);
        }
    }

    boolean signOut(DataFetchingEnvironment env) {
        sessions.staff(env).ifPresent(s -> access.audit(s.id(), "SIGN_OUT", null, null, null, null));
        sessions.end(env);
        return true;
    }

    private Map<String, Object> failed(long started) {
        pad(started);
        return result(false, false, FAILED);
    }

    private static Map<String, @Nullable Object> result(boolean ok, boolean otpRequired, @Nullable String message) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ok", ok);
        r.put("otpRequired", otpRequired);
        r.put("message", message);
        r.put("staff", null);
        return r;
    }

    private void pad(long started) {
        SignInPacing.padFrom(started, settings.minDuration());
    }

    private String client(DataFetchingEnvironment env) {
        HttpRequest<?> request = GraphQLRequestContext.request(env);
        String address = request == null ? null : addresses.resolve(request);
        return address == null ? "unknown" : address;
    }

    private static String raw(DataFetchingEnvironment env, String name, int max) {
        Object v = env.getArgument(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`" + name + "` must not be empty.");
        }
        if (s.length() > max) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT, "`" + name + "` is too long (at most " + max + " characters).");
        }
        return s;
    }
}

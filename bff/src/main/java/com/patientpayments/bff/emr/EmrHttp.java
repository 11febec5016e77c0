package com.patientpayments.bff.emr;

import io.micronaut.context.BeanContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.retry.annotation.CircuitBreaker;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The transport under {@link EmrClient}: one blocking exchange with the connector ({@code @Client(id = "emr")}:
 * base URL and timeouts from {@code micronaut.http.services.emr.*}, the service credential from
 * {@link EmrApiKeyFilter}). Every request carries the current request id ({@code X-Request-Id}, from the MDC key
 * {@code requestId}: the BFF request's, or the queue consumer's) so one id follows it into the connector's log.
 *
 * <p>Answers with a status below 500 come back as {@link Raw}; no answer, a timeout or a 5xx is an
 * {@link EmrUnavailableException}. Reads are idempotent and go through {@link #read}: retried once and guarded by a
 * circuit breaker, so a down connector answers at once. Writes go through {@link #write}: never retried here (the
 * queue or the patient retries, and the connector is idempotent by key).
 *
 * <p><b>Several connectors</b>: {@code EMR_URL} may list several base URLs, comma-separated
 * ({@code micronaut.http.services.emr.urls}). Each request starts at the next connector in turn (round robin) and,
 * when that one gives no answer, goes on to the others, each tried at most once: any request whose connection was
 * refused (nothing was sent), and a read whose connection broke (reads are idempotent). A write that may have reached
 * a connector (connection lost after sending, timeout) and a read that timed out are not repeated here. So one
 * connector going away costs no request, and the read circuit breaker opens only when every connector fails.
 */
@Singleton
public class EmrHttp {

    /** Header carrying the request id to the connector. */
    public static final String REQUEST_ID = "X-Request-Id";
    /** MDC key of the request id (observability.RequestIdFilter, the webhook consumer). */
    public static final String MDC_KEY = "requestId";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final byte[] EMPTY = new byte[0];

    private final HttpClient client;
    /** The connectors' base URLs without a trailing slash; empty: the client's own (single) URL. */
    private final List<String> bases;

    private final AtomicInteger next = new AtomicInteger();

    public EmrHttp(@Client(id = "emr") HttpClient client, BeanContext context) {
        this.client = client;
        List<URI> urls = context.findBean(ServiceHttpClientConfiguration.class, Qualifiers.byName("emr"))
                .map(ServiceHttpClientConfiguration::getUrls)
                .orElse(List.of());
        this.bases = urls == null
                ? List.of()
                : urls.stream().map(u -> u.toString().replaceAll("/+$", "")).toList();
    }

    /** How many connectors requests are spread over. */
    public int instances() {
        return Math.max(1, bases.size());
    }

    /** A status below 500 and its body bytes (empty when none). */
    public record Raw(int status, byte[] body) {}

    /** An idempotent read: retried once, behind the read circuit breaker. */
    @CircuitBreaker(
            attempts = "${payments.emr.read-attempts}",
            delay = "${payments.emr.retry-delay}",
            reset = "${payments.emr.circuit-reset}",
            includes = EmrUnavailableException.class,
            throwWrappedException = true)
    public Raw read(MutableHttpRequest<?> request) {
        return exchange(request, true);
    }

    /** A write: one exchange, no retry, no breaker. */
    public Raw write(MutableHttpRequest<?> request) {
        return exchange(request, false);
    }

    private Raw exchange(MutableHttpRequest<?> request, boolean idempotent) {
        String id = MDC.get(MDC_KEY);
        if (id != null && SAFE_ID.matcher(id).matches()) {
            request.header(REQUEST_ID, id);
        }
        if (bases.size() < 2) {
            return exchangeOnce(request);
        }
        URI relative = request.getUri();
        int start = Math.floorMod(next.getAndIncrement(), bases.size());
        for (int k = 0; ; k++) {
            request.uri(URI.create(bases.get((start + k) % bases.size()) + relative));
            try {
                return exchangeOnce(request);
            } catch (EmrUnavailableException e) {
                boolean another = k + 1 < bases.size();
                boolean safe = neverConnected(e) || (idempotent && "unreachable".equals(e.reason()));
                if (!another || !safe) {
                    request.uri(relative);
                    throw e;
                }
            }
        }
    }

    /** Whether the failure is a refused or impossible connection: the request never left this process. */
    private static boolean neverConnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private Raw exchangeOnce(MutableHttpRequest<?> request) {
        try {
            HttpResponse<byte[]> r =
                    client.toBlocking().exchange(request, Argument.of(byte[].class), Argument.of(byte[].class));
            return new Raw(r.code(), r.getBody().orElse(EMPTY));
        } catch (HttpClientResponseException e) {
            if (e.code() >= 500) {
                throw new EmrUnavailableException("status_" + e.code(), e);
            }
            return new Raw(e.code(), e.getResponse().getBody(byte[].class).orElse(EMPTY));
        } catch (ReadTimeoutException e) {
            throw new EmrUnavailableException("timeout", e);
        } catch (HttpClientException e) {
            throw new EmrUnavailableException("unreachable", e);
        }
    }
}

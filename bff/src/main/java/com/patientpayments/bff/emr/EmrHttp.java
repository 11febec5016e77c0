package com.patientpayments.bff.emr;

import io.micronaut.context.BeanContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.retry.annotation.CircuitBreaker;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.util.regex.Pattern;

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
 * ({@code micronaut.http.services.emr.urls}); Micronaut's client picks them round robin, one per request. A request
 * that could not even connect (connection refused, no route: nothing was sent) goes to the next connector at once,
 * until each was tried once — reads and writes alike, since the refused one never saw it. A timeout or a connection
 * lost after the request was sent is not failed over here (the connector may have acted on it): it is an
 * {@link EmrUnavailableException} as before.
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
    private final int instances;

    public EmrHttp(@Client(id = "emr") HttpClient client, BeanContext context) {
        this.client = client;
        this.instances = context.findBean(ServiceHttpClientConfiguration.class, Qualifiers.byName("emr"))
                .map(c -> c.getUrls() == null ? 1 : Math.max(1, c.getUrls().size())).orElse(1);
    }

    /** How many connector base URLs requests are spread over. */
    public int instances() {
        return instances;
    }

    /** A status below 500 and its body bytes (empty when none). */
    public record Raw(int status, byte[] body) {
    }

    /** An idempotent read: retried once, behind the read circuit breaker. */
    @CircuitBreaker(attempts = "${payments.emr.read-attempts:2}", delay = "${payments.emr.retry-delay:50ms}",
            reset = "${payments.emr.circuit-reset:5s}", includes = EmrUnavailableException.class,
            throwWrappedException = true)
    public Raw read(MutableHttpRequest<?> request) {
        return exchange(request);
    }

    /** A write: one exchange, no retry, no breaker. */
    public Raw write(MutableHttpRequest<?> request) {
        return exchange(request);
    }

    private Raw exchange(MutableHttpRequest<?> request) {
        String id = MDC.get(MDC_KEY);
        if (id != null && SAFE_ID.matcher(id).matches()) {
            request.header(REQUEST_ID, id);
        }
        URI relative = request.getUri();
        for (int attempt = 1; ; attempt++) {
            try {
                return exchangeOnce(request);
            } catch (EmrUnavailableException e) {
                if (attempt >= instances || !neverConnected(e)) {
                    throw e;
                }
                // The load balancer's next pick is the next connector.
                request.uri(relative);
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
            HttpResponse<byte[]> r = client.toBlocking().exchange(request, Argument.of(byte[].class),
                    Argument.of(byte[].class));
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

package com.patientpayments.emr.api;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a request id (the caller's {@code X-Request-Id} when it looks like one, else a new UUID) into the MDC of every
 * log line of the request, echoes it in the response, and writes one access line: method, route, status, duration.
 * Never the body, names or account numbers (paths carry only opaque ids and hashes).
 */
@ServerFilter("/**")
public class RequestIdFilter implements Ordered {
    public static final String HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger("access");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String STARTED = RequestIdFilter.class.getName() + ".started";
    private static final String ID = RequestIdFilter.class.getName() + ".id";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    public void assignId(HttpRequest<?> request, MutablePropagatedContext propagated) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && SAFE_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        request.setAttribute(ID, id);
        request.setAttribute(STARTED, System.nanoTime());
        propagated.add(new MdcPropagationContext(Map.of("requestId", id)));
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = request.getAttribute(ID, String.class).orElse("-");
        response.header(HEADER, id);
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        if (LOG.isInfoEnabled()) {
            LOG.info(
                    "{} {} -> {} in {} us",
                    request.getMethodName(),
                    request.getPath(),
                    response.code(),
                    (System.nanoTime() - started) / 1000);
        }
    }
}

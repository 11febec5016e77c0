package com.patientpayments.bff.web;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a short safe token (a proxy's), otherwise a
 * new UUID. It is in the MDC (propagated to the blocking executor) so every log line of the request carries it, and
 * is echoed in the response header for support. One access line per request (method, path, status, duration).
 */
@Filter("/**")
public class RequestIdFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger("access");
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    /** Path segments that are credentials (one-time receipt download tokens): never logged. */
    private static final Pattern SECRET_SEGMENT = Pattern.compile("^(/receipts/download/)[^/]+");

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String incoming = request.getHeaders().get(HEADER);
        String id = incoming != null && SAFE.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty()
                .plus(new MdcPropagationContext(Map.of(MDC_KEY, id)))
                .propagate()) {
            long started = System.nanoTime();
            return Publishers.map(chain.proceed(request), response -> {
                MDC.put(MDC_KEY, id);
                try {
                    // Path only: query strings and bodies may carry PII and are never logged.
                    LOG.info(
                            "{} {} -> {} in {} ms",
                            request.getMethodName(),
                            loggablePath(request.getPath()),
                            response.code(),
                            (System.nanoTime() - started) / 1_000_000);
                } finally {
                    MDC.remove(MDC_KEY);
                }
                return response.header(HEADER, id);
            });
        }
    }

    /** The request path with credential segments masked, e.g. {@code /receipts/download/***}. */
    public static String loggablePath(String path) {
        return SECRET_SEGMENT.matcher(path).replaceFirst("$1***");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

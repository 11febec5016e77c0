package com.patientpayments.emr.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.patientpayments.contract.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.io.IOException;

/**
 * Every JSON request body is one well-formed JSON value and nothing else: a key given twice in an object
 * ({@code {"amountCents":1,"amountCents":100000}} — which value did the caller mean?) or anything after the value
 * ({@code {…} {…}}, {@code {…}garbage}) answers {@code 400 VALIDATION_FAILED} before any controller runs. Applies to
 * every endpoint, including those added later; numbers are checked by {@link StrictNumbers}.
 */
@ServerFilter("/api/**")
public class StrictJsonFilter implements Ordered {

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final String TRAILING = "The request body must be one JSON value with nothing after it.";

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after(); // after the credential check: strangers learn nothing
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body byte[] body) {
        if (body == null || body.length == 0 || !isJson(request)) {
            return null;
        }
        String problem = problem(body);
        return problem == null ? null : Problem.response(ErrorCode.VALIDATION_FAILED, problem);
    }

    /** Why the body is not exactly one JSON value without duplicate keys, or null when it is. */
    static @Nullable String problem(byte[] body) {
        boolean valueRead = false;
        try (JsonParser p = STRICT.createParser(body)) {
            if (p.nextToken() == null) {
                return null; // whitespace only: the controller reports the missing body
            }
            p.skipChildren();
            valueRead = true;
            if (p.nextToken() != null) {
                return TRAILING;
            }
            return null;
        } catch (JsonProcessingException e) {
            if (valueRead) {
                return TRAILING;
            }
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                // Field names are the API's own, never values; keep only a safe one.
                String field = message.replaceAll("^Duplicate field '([A-Za-z0-9_]{1,80})'.*$", "$1");
                return field.equals(message)
                        ? "A field is given twice in the request body."
                        : field + " is given twice in the request body.";
            }
            return null; // malformed JSON: the framework's own problem answer applies
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isJson(HttpRequest<?> request) {
        return request.getContentType()
                .map(t -> t.getSubtype().equals("json") || t.getSubtype().endsWith("+json"))
                .orElse(false);
    }
}

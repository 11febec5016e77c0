package com.patientpayments.bff.graphql;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents by query text, least recently used first out. The SPA sends a handful of fixed
 * operations, so nearly every request skips parsing, limit checks and validation. Only documents that passed the
 * {@link DocumentLimitsInstrumentation} limits are here (a document over a limit aborts before an entry exists), and
 * only up to {@code maxQueryLength} characters, so the cache's memory is bounded by {@code capacity × maxQueryLength}.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private final int maxQueryLength;
    /** An access-ordered LinkedHashMap: even a get() reorders it, so every access holds its lock. */
    @GuardedBy("entries")
    private final Map<String, PreparsedDocumentEntry> entries;

    DocumentCache(int capacity, int maxQueryLength) {
        this.maxQueryLength = maxQueryLength;
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (query.length() > maxQueryLength) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        PreparsedDocumentEntry entry;
        synchronized (entries) {
            entry = entries.get(query);
        }
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            synchronized (entries) {
                entries.put(query, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}

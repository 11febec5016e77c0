package com.patientpayments.emr.api;

import com.patientpayments.emr.EmrException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Ids are opaque on the wire; one that is not ours (not a UUID) is simply not found. */
public final class Ids {
    private Ids() {}

    public static UUID parse(@Nullable String raw, String what) {
        if (raw == null || raw.length() != 36) {
            throw EmrException.notFound(what);
        }
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw EmrException.notFound(what);
        }
    }
}

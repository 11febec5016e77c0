package com.patientpayments.bff.email;

import com.patientpayments.bff.demo.SesStandIn;
import io.micronaut.context.annotation.Context;
import io.micronaut.serde.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where receipt email goes: the configured {@code SES_ENDPOINT}, or, when none is configured (demo, tests), an
 * in-process {@link SesStandIn} started eagerly so the demo can print its inbox address ({@code mail=}). Production
 * sets {@code SES_ENDPOINT} (e.g. {@code https://email.us-east-1.amazonaws.com}).
 */
@Context
public class SesEndpoint implements AutoCloseable {

    private final @Nullable SesStandIn standIn;
    private final String endpoint;

    public SesEndpoint(EmailProperties props, ObjectMapper json) {
        if (props.sesEndpoint() != null && !props.sesEndpoint().isBlank()) {
            this.standIn = null;
            this.endpoint = props.sesEndpoint();
            return;
        }
        try {
            this.standIn = new SesStandIn(json, props.standInPort());
            this.endpoint = standIn.endpoint();
            if (props.standInUrlFile() != null && !props.standInUrlFile().isBlank()) {
                Files.writeString(Path.of(props.standInUrlFile()), standIn.inboxUrl() + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return endpoint;
    }

    /** The local stand-in, when one runs. */
    public Optional<SesStandIn> standIn() {
        return Optional.ofNullable(standIn);
    }

    /** The stand-in's inbox listing ({@code GET /store}), when one runs: the demo's {@code mail=} value. */
    public Optional<String> inboxUrl() {
        return standIn().map(SesStandIn::inboxUrl);
    }

    @PreDestroy
    @Override
    public void close() {
        if (standIn != null) {
            standIn.close();
        }
    }
}

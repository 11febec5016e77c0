package com.patientpayments.emr.api;

import com.patientpayments.contract.PracticeLogo;
import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.practice.PracticeLogos;
import com.patientpayments.emr.practice.PracticeRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.Connection;
import java.util.UUID;

/**
 * Practice logos (API.md "Practice logos"): the published logo's bytes for the BFF, and the draft/publish steps a
 * practice console uses. Bytes are answered with their content type and the SHA-256 as a strong ETag.
 */
@Controller("/api/v1/practices/{practiceId}/logo")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PracticeLogoController {
    private final TransactionOperations<Connection> tx;
    private final PracticeLogos logos;
    private final PracticeRepository practices;

    public PracticeLogoController(
            TransactionOperations<Connection> tx, PracticeLogos logos, PracticeRepository practices) {
        this.tx = tx;
        this.logos = logos;
        this.practices = practices;
    }

    @Operation(summary = "The published logo's bytes; 404 when the practice has none")
    @Get(produces = {PracticeLogos.PNG, PracticeLogos.SVG})
    public HttpResponse<byte[]> published(String practiceId) {
        return bytes(practiceId, PracticeLogos.State.PUBLISHED);
    }

    @Operation(summary = "The draft logo's bytes (console preview); 404 when there is no draft")
    @Get(
            value = "/draft",
            produces = {PracticeLogos.PNG, PracticeLogos.SVG})
    public HttpResponse<byte[]> draft(String practiceId) {
        return bytes(practiceId, PracticeLogos.State.DRAFT);
    }

    @Operation(summary = "Upload the draft logo: PNG or SVG (sanitized), at most 256 KiB")
    @Put("/draft")
    @Consumes({PracticeLogos.PNG, PracticeLogos.SVG})
    public PracticeLogo saveDraft(
            String practiceId, @Header(HttpHeaders.CONTENT_TYPE) String contentType, @Nullable @Body byte[] body) {
        UUID id = existing(practiceId);
        PracticeLogos.Content checked = logos.validate(contentType, body); // outside the transaction: CPU only
        return tx.executeWrite(
                s -> logos.saveDraft(s.getConnection(), id, checked.logo().contentType(), checked.bytes()));
    }

    @Operation(summary = "Publish the draft logo; 404 when there is no draft")
    @Post("/publish")
    public PracticeLogo publish(String practiceId) {
        UUID id = existing(practiceId);
        return tx.executeWrite(s -> logos.publish(s.getConnection(), id));
    }

    private HttpResponse<byte[]> bytes(String practiceId, PracticeLogos.State state) {
        UUID id = Ids.parse(practiceId, "Practice");
        PracticeLogos.Content content =
                tx.executeRead(s -> logos.find(id, state)).orElseThrow(() -> EmrException.notFound("Logo"));
        return HttpResponse.ok(content.bytes())
                .contentType(MediaType.of(content.logo().contentType()))
                .header(HttpHeaders.ETAG, "\"" + content.logo().sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    private UUID existing(String practiceId) {
        UUID id = Ids.parse(practiceId, "Practice");
        if (tx.executeRead(s -> practices.findById(id)).isEmpty()) {
            throw EmrException.notFound("Practice");
        }
        return id;
    }
}

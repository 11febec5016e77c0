package com.patientpayments.bff.web;

import com.patientpayments.bff.emr.EmrPractice;
import com.patientpayments.bff.practice.PracticeLogoUrls;
import com.patientpayments.bff.practice.PracticeLogos;
import com.patientpayments.bff.practice.PracticeService;
import com.patientpayments.contract.PracticeLogo;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * {@code GET /practice-logos/{hash}/{sha256}.png|svg}: a practice's published logo at its content-hashed URL
 * ({@code Practice.logoUrl}), public like the landing page. Cached by browsers for a year ({@code immutable}) with the
 * hash as a strong {@code ETag} ({@code If-None-Match} answers 304). SVG is served with a CSP that allows no script,
 * no external fetch and sandboxes the document, on top of the connector's sanitizing. An unknown practice, a practice
 * without logo or a stale hash answer a plain 404 (the SPA only links logos the BFF announced).
 */
@Controller(PracticeLogoUrls.PREFIX)
public class PracticeLogoController {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final PracticeService practices;
    private final PracticeLogos logos;

    public PracticeLogoController(PracticeService practices, PracticeLogos logos) {
        this.practices = practices;
        this.logos = logos;
    }

    @Get("{hash}/{file}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> logo(String hash, String file, HttpRequest<?> request) {
        Matcher m = PracticeLogoUrls.FILE.matcher(file);
        if (!hash.matches("[A-Za-z0-9]{1,12}") || !m.matches()) {
            return notFound();
        }
        String sha = m.group(1);
        Optional<EmrPractice> practice = practices.practice(hash);
        PracticeLogo logo = practice.map(EmrPractice::logo).orElse(null);
        if (logo == null
                || !sha.equals(logo.sha256())
                || !m.group(2).equals(PracticeLogoUrls.extension(logo.contentType()))) {
            return notFound();
        }
        String etag = "\"" + sha + "\"";
        if (request.getHeaders()
                .get(HttpHeaders.IF_NONE_MATCH, String.class)
                .map(v -> v.contains(etag))
                .orElse(false)) {
            return HttpResponse.notModified()
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        }
        Optional<PracticeLogos.Image> image = logos.published(hash, sha);
        if (image.isEmpty()) {
            return notFound();
        }
        var response = HttpResponse.ok(image.get().bytes())
                .contentType(MediaType.of(image.get().contentType()))
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        if ("image/svg+xml".equals(image.get().contentType())) {
            response.header("Content-Security-Policy", SVG_CSP);
        }
        return response;
    }

    private static HttpResponse<?> notFound() {
        return HttpResponse.notFound("No such logo.\n").contentType(MediaType.TEXT_PLAIN_TYPE);
    }
}

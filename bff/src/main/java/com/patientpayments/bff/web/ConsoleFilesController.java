package com.patientpayments.bff.web;

import com.patientpayments.bff.console.ConsoleDownloads;
import com.patientpayments.bff.console.StaffSessions;
import com.patientpayments.bff.console.StaffSettings;
import com.patientpayments.bff.console.StatementLinks;
import com.patientpayments.bff.console.StatementQr;
import com.patientpayments.bff.emr.ConsoleDtos;
import com.patientpayments.bff.emr.ConsoleEmr;
import com.patientpayments.bff.emr.EmrOutcome;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * The console's files outside GraphQL: one-time export downloads (the token is the authorization) and statement QR
 * PNGs (the staff session cookie; only for a practice the staff member may see, audited by the connector's
 * household look-up).
 */
@Controller("/console-files")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleFilesController {
    private final ConsoleDownloads downloads;
    private final StaffSessions sessions;
    private final ConsoleEmr emr;
    private final StatementLinks links;
    private final StaffSettings settings;

    public ConsoleFilesController(
            ConsoleDownloads downloads,
            StaffSessions sessions,
            ConsoleEmr emr,
            StatementLinks links,
            StaffSettings settings) {
        this.downloads = downloads;
        this.sessions = sessions;
        this.emr = emr;
        this.links = links;
        this.settings = settings;
    }

    /** A one-time export: the file once (no-store), then 404 (plain text) for a used, expired or unknown token. */
    @Get("/download/{token}")
    public HttpResponse<?> download(String token) {
        return downloads
                .redeem(token)
                .<HttpResponse<?>>map(f -> HttpResponse.ok(f.bytes())
                        .contentType(MediaType.of(f.contentType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + f.name() + "\"")
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .header("X-Content-Type-Options", "nosniff"))
                .orElseGet(() -> HttpResponse.notFound("This download link has expired or was already used.\n")
                        .contentType(MediaType.TEXT_PLAIN_TYPE));
    }

    /**
     * The statement QR PNG of {@code account} at {@code practiceId}: 401 without a staff session, 403 for a practice
     * the staff member may not see (or while the connector cannot say), 404 for an account the practice does not have.
     */
    @Get("/qr.png")
    public HttpResponse<?> qr(HttpRequest<?> request, @QueryValue String practiceId, @QueryValue String account) {
        var staffId = sessions.staffId(request.getCookies()
                .findCookie(settings.cookieName())
                .map(Cookie::getValue)
                .orElse(null));
        if (staffId.isEmpty()) {
            return HttpResponse.unauthorized();
        }
        EmrOutcome<ConsoleDtos.Staff> staff = emr.staff(staffId.get());
        ConsoleDtos.Practice practice =
                staff.optional().map(s -> s.practice(practiceId)).orElse(null);
        if (practice == null) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        if (!(emr.household(staffId.get(), practiceId, account) instanceof EmrOutcome.Found<?>)) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(StatementQr.png(links.url(practice.hash(), account)))
                .contentType(MediaType.IMAGE_PNG_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}

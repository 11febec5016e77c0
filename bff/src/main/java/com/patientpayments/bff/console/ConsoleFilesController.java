package com.patientpayments.bff.console;

import com.patientpayments.bff.emr.EmrOutcome;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The console's files outside GraphQL: one-time export downloads (the token is the authorization) and statement QR
 * PNGs (the staff session cookie; only for a practice the staff member may see, audited by the connector's
 * household look-up).
 */
@Controller("/console-files")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleFilesController {
    private final ConsoleDownloads downloads;
    private final StaffSessions sessions;
    private final ConsoleEmr emr;
    private final StatementLinks links;

    public ConsoleFilesController(
            ConsoleDownloads downloads, StaffSessions sessions, ConsoleEmr emr, StatementLinks links) {
        this.downloads = downloads;
        this.sessions = sessions;
        this.emr = emr;
        this.links = links;
    }

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

    @Get("/qr.png")
    public HttpResponse<?> qr(HttpRequest<?> request, @QueryValue String practiceId, @QueryValue String account) {
        var staffId = sessions.staffId(request);
        if (staffId.isEmpty()) {
            return HttpResponse.unauthorized();
        }
        EmrOutcome<ConsoleDtos.Staff> staff = emr.staff(staffId.get());
        ConsoleDtos.Practice practice =
                staff.optional().map(s -> s.practice(practiceId)).orElse(null);
        if (practice == null) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN);
        }
        if (!(emr.household(staffId.get(), practiceId, account) instanceof EmrOutcome.Found<?>)) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(StatementQr.png(links.url(practice.hash(), account)))
                .contentType(MediaType.IMAGE_PNG_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}

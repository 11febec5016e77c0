package com.patientpayments.bff.web;

import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.emr.ReceiptBrandingTexts;
import com.patientpayments.bff.practice.PracticeLogos;
import com.patientpayments.bff.receipt.ReceiptAdminPreview;
import com.patientpayments.bff.receipt.ReceiptDownloadTokens;
import com.patientpayments.bff.receipt.ReceiptPdfRenderer;
import com.patientpayments.bff.receipt.ReceiptService;
import com.patientpayments.bff.receipt.ReceiptText;
import com.patientpayments.bff.receipt.ReceiptView;
import com.patientpayments.bff.receipt.SampleReceipt;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a receipt PDF for a one-time token, without the session cookie (the token is the authorization). The PDF is
 * rendered now from authoritative data; a used, expired or unknown token gets a small 404 page.
 */
@Controller
public class ReceiptDownloadController {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptDownloadController.class);
    static final String GONE_BODY = "This download link has expired or was already used.\n"
            + "Go back to your receipt and choose Download again.\n";

    private final ReceiptDownloadTokens tokens;
    private final ReceiptService receipts;
    private final ReceiptPdfRenderer renderer;
    private final MeterRegistry registry;
    private final ReceiptBrandingTexts branding;
    private final PracticeLogos draftLogos;

    public ReceiptDownloadController(
            ReceiptDownloadTokens tokens,
            ReceiptService receipts,
            ReceiptPdfRenderer renderer,
            MeterRegistry registry,
            ReceiptBrandingTexts branding,
            PracticeLogos draftLogos) {
        this.tokens = tokens;
        this.receipts = receipts;
        this.renderer = renderer;
        this.registry = registry;
        this.branding = branding;
        this.draftLogos = draftLogos;
    }

    @Get(ReceiptDownloadTokens.PATH + "{token}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> download(String token) {
        try {
            var grant = tokens.redeem(token);
            if (grant.isEmpty()) {
                count("expired");
                return HttpResponse.notFound(GONE_BODY)
                        .contentType(MediaType.TEXT_PLAIN_TYPE)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            ReceiptView view = resolve(grant.get());
            var kind = grant.get().kind();
            byte[] pdf = kind == ReceiptDownloadTokens.Grant.Kind.DRAFT_TX
                            || kind == ReceiptDownloadTokens.Grant.Kind.DRAFT_SAMPLE
                    ? draftPreview(view, grant.get())
                    : renderer.render(view, grant.get().locale());
            count("served");
            return HttpResponse.ok(pdf)
                    .contentType(MediaType.APPLICATION_PDF_TYPE)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + ReceiptText.fileName(view) + "\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("X-Content-Type-Options", "nosniff");
        } catch (PaymentsException e) {
            count("unavailable");
            LOG.warn("receipt download could not be served: {}", e.code());
            return HttpResponse.status(
                            e.retryable()
                                    ? io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE
                                    : io.micronaut.http.HttpStatus.NOT_FOUND)
                    .body(e.getMessage() + "\n")
                    .contentType(MediaType.TEXT_PLAIN_TYPE);
        }
    }

    /** The draft branding: its texts and its logo (the draft logo, not the published one; none when removed). */
    private byte[] draftPreview(ReceiptView view, ReceiptDownloadTokens.Grant grant) {
        ReceiptBrandingTexts.Texts draft = branding.draft(grant.ownerId());
        java.util.Optional<byte[]> logo =
                draft.logoSha256() == null ? java.util.Optional.empty() : draftLogos.draft(grant.ownerId());
        return renderer.render(view, grant.locale(), draft, logo);
    }

    private ReceiptView resolve(ReceiptDownloadTokens.Grant grant) {
        switch (grant.kind()) {
            case HOUSEHOLD:
                return ReceiptService.requireHousehold(receipts.authoritative(grant.requireTxId()), grant.ownerId());
            case PRACTICE_TX:
            case DRAFT_TX:
                return ReceiptAdminPreview.requirePractice(
                        receipts.authoritative(grant.requireTxId()), grant.ownerId());
            default:
                return SampleReceipt.of(receipts.practiceIdentity(grant.ownerId()), Clock.systemUTC());
        }
    }

    private void count(String outcome) {
        registry.counter("receipt.downloads", "outcome", outcome).increment();
    }
}

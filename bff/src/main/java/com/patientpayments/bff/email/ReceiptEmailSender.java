package com.patientpayments.bff.email;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.receipt.ReceiptPdfRenderer;
import com.patientpayments.bff.receipt.ReceiptService;
import com.patientpayments.bff.receipt.ReceiptView;
import com.patientpayments.bff.redis.RedisStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends queued receipt emails in the background through SES v2, with the PDF rendered from authoritative data.
 *
 * <p>Never twice for one request: each request has an id and a marker in Redis ({@code email:req:<id>}), claimed
 * with {@code SET NX} before the first attempt and set to {@code SENT} after SES accepted the message. A failed
 * attempt is retried (with doubling back-off, up to {@code payments.email.max-attempts}) only when the message
 * certainly did not reach SES: a failure before the call, a connection that could not be opened, or an error answer
 * from SES. A timeout after the request left is ambiguous and is not retried. Outcomes are counted in
 * {@code receipt.emails{outcome}}; the SES call is timed as {@code email.send}. Logs carry the request id only.
 */
@Singleton
public class ReceiptEmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptEmailSender.class);

    /** One queued email in a language. The address lives only in memory, never in Redis, logs or metrics. */
    public record Job(String requestId, String householdId, String txId, String to, String locale) {

        /** An English email. */
        public Job(String requestId, String householdId, String txId, String to) {
            this(requestId, householdId, txId, to, "en");
        }

        @Override
        public String toString() {
            return "Job[" + requestId + "]";
        }
    }

    private final SesV2Client ses;
    private final ReceiptService receipts;
    private final ReceiptPdfRenderer renderer;
    private final ReceiptEmailComposer composer;
    private final RedisStore redis;
    private final EmailSettings props;
    private final ExecutorService blocking;
    private final TaskScheduler scheduler;
    private final MeterRegistry registry;
    private final Timer sendTimer;

    public ReceiptEmailSender(
            SesV2Client ses,
            ReceiptService receipts,
            ReceiptPdfRenderer renderer,
            ReceiptEmailComposer composer,
            RedisStore redis,
            EmailSettings props,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            MeterRegistry registry) {
        this.ses = ses;
        this.receipts = receipts;
        this.renderer = renderer;
        this.composer = composer;
        this.redis = redis;
        this.props = props;
        this.blocking = blocking;
        this.scheduler = scheduler;
        this.registry = registry;
        this.sendTimer = Timer.builder("email.send")
                .description("Receipt email: SES v2 SendEmail call")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Starts sending in the background; returns at once. */
    public void submit(Job job) {
        blocking.execute(() -> attempt(job, 1));
    }

    void attempt(Job job, int attempt) {
        String marker = "email:req:" + job.requestId();
        var ttl = props.markerTtl();
        if (attempt == 1) {
            if (!redis.setIfAbsent(marker, "PENDING", ttl)) {
                LOG.warn("receipt email {} was already claimed; not sending again", job.requestId());
                return;
            }
        } else if (!"PENDING".equals(redis.get(marker).orElse(null))) {
            return;
        }
        boolean reachedSes = false;
        try {
            ReceiptView view = receipts.authoritative(job.txId());
            if (!view.householdId().equals(job.householdId())) {
                throw new PaymentsException(ErrorCode.NOT_FOUND, "receipt not visible to this household");
            }
            byte[] mime = composer.compose(view, renderer.render(view, job.locale()), job.to(), job.locale());
            reachedSes = true;
            sendTimer.record(() -> ses.sendEmail(r -> r.fromEmailAddress(props.from())
                    .destination(d -> d.toAddresses(job.to()))
                    .content(c -> c.raw(raw -> raw.data(SdkBytes.fromByteArray(mime))))));
            redis.set(marker, "SENT", ttl);
            count("sent");
            LOG.info("receipt email {} sent (attempt {})", job.requestId(), attempt);
        } catch (RuntimeException e) {
            boolean safe = safeToRetry(e, reachedSes);
            if (safe && attempt < props.maxAttempts()) {
                long delay = props.retryBackoff().toMillis() << (attempt - 1);
                count("retried");
                LOG.warn(
                        "receipt email {} attempt {} failed ({}); retrying in {} ms",
                        job.requestId(),
                        attempt,
                        e.getClass().getSimpleName(),
                        delay);
                scheduler.schedule(Duration.ofMillis(delay), () -> blocking.execute(() -> attempt(job, attempt + 1)));
            } else {
                redis.set(marker, safe ? "FAILED" : "UNKNOWN", ttl);
                count(safe ? "failed" : "ambiguous");
                LOG.error(
                        "receipt email {} given up after attempt {} ({})",
                        job.requestId(),
                        attempt,
                        e.getClass().getSimpleName());
            }
        }
    }

    /** True when the message certainly did not reach SES and the failure may pass. */
    static boolean safeToRetry(RuntimeException e, boolean reachedSes) {
        if (!reachedSes) {
            return e instanceof PaymentsException && ((PaymentsException) e).retryable();
        }
        if (e instanceof SdkServiceException) {
            SdkServiceException s = (SdkServiceException) e;
            return s.statusCode() >= 500 || s.statusCode() == 429 || s.isThrottlingException();
        }
        if (e instanceof SdkClientException) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConnectException || t instanceof UnknownHostException) {
                    return true;
                }
            }
        }
        return false;
    }

    private void count(String outcome) {
        registry.counter("receipt.emails", "outcome", outcome).increment();
    }
}

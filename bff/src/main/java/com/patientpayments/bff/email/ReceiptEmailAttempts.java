package com.patientpayments.bff.email;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.receipt.ReceiptPdfRenderer;
import com.patientpayments.bff.receipt.ReceiptService;
import com.patientpayments.bff.receipt.ReceiptView;
import com.patientpayments.bff.redis.RedisStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.retry.annotation.RetryPredicate;
import io.micronaut.retry.annotation.Retryable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The attempts of one claimed receipt email, retried by micronaut-retry ({@link Retryable}): up to
 * {@code payments.email.max-attempts} attempts in all, the first retry after {@code payments.email.retry-backoff},
 * doubling each time. The wait runs on the scheduler, not on a blocking thread: the method returns a future and each
 * attempt runs on the {@link TaskExecutors#BLOCKING} executor.
 *
 * <p>Only a {@link NotSent} failure is retried ({@link RetryNotSent}): the message certainly did not reach SES (a retryable failure before
 * the call, a connection that could not be opened, an error answer from SES). Anything else, above all a timeout
 * after the request left, fails as {@link MaybeSent} at once. Logs carry the request id only.
 */
@Singleton
public class ReceiptEmailAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptEmailAttempts.class);

    /** A failed attempt after which the message certainly did not reach SES; retried unless it was the last. */
    public static final class NotSent extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean last;

        NotSent(RuntimeException cause, boolean last) {
            super(cause.getClass().getSimpleName(), cause, false, false);
            this.last = last;
        }
    }

    /** micronaut-retry's predicate: retry a {@link NotSent} that was not the last attempt. */
    public static final class RetryNotSent implements RetryPredicate {
        @Override
        public boolean test(Throwable failure) {
            return failure instanceof NotSent && !((NotSent) failure).last;
        }
    }

    /** A failed attempt that may have reached SES, or one not worth retrying; never retried. */
    public static final class MaybeSent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MaybeSent(RuntimeException cause) {
            super(cause.getClass().getSimpleName(), cause, false, false);
        }
    }

    private final SesV2Client ses;
    private final ReceiptService receipts;
    private final ReceiptPdfRenderer renderer;
    private final ReceiptEmailComposer composer;
    private final RedisStore redis;
    private final EmailSettings props;
    private final ExecutorService blocking;
    private final MeterRegistry registry;
    private final Timer sendTimer;

    public ReceiptEmailAttempts(
            SesV2Client ses,
            ReceiptService receipts,
            ReceiptPdfRenderer renderer,
            ReceiptEmailComposer composer,
            RedisStore redis,
            EmailSettings props,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
            MeterRegistry registry) {
        this.ses = ses;
        this.receipts = receipts;
        this.renderer = renderer;
        this.composer = composer;
        this.redis = redis;
        this.props = props;
        this.blocking = blocking;
        this.registry = registry;
        this.sendTimer = Timer.builder("email.send")
                .description("Receipt email: SES v2 SendEmail call")
                .publishPercentileHistogram()
                .register(registry);
    }

    /**
     * Sends a job whose marker ({@code email:req:<id>}) the caller has claimed as {@code PENDING}.
     *
     * @param job      the email
     * @param attempts counts the attempts made (the first is 1); read it when the future completes
     * @return completes with {@code true} once SES accepted the message, {@code false} when the marker is no longer
     *     {@code PENDING} at a retry; fails with {@link NotSent} (attempts used up) or {@link MaybeSent}
     */
    // micronaut-retry counts retries after the first call (so this ceiling is one above max-attempts) and its
    // annotation takes no arithmetic (the compile-time validation rejects an expression there): the attempt numbered
    // max-attempts marks its NotSent as the last, which RetryNotSent does not retry.
    @Retryable(
            attempts = "${payments.email.max-attempts}",
            delay = "${payments.email.retry-backoff}",
            multiplier = "2",
            predicate = RetryNotSent.class)
    public CompletableFuture<Boolean> send(ReceiptEmailSender.Job job, AtomicInteger attempts) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        // completeExceptionally with the exception itself (not a CompletionException) so @Retryable's includes match.
        blocking.execute(() -> {
            try {
                result.complete(attempt(job, attempts.incrementAndGet()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private boolean attempt(ReceiptEmailSender.Job job, int attempt) {
        String marker = "email:req:" + job.requestId();
        if (attempt > 1) {
            if (!"PENDING".equals(redis.get(marker).orElse(null))) {
                return false;
            }
            count("retried");
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
            redis.set(marker, "SENT", props.markerTtl());
            LOG.info("receipt email {} sent (attempt {})", job.requestId(), attempt);
            return true;
        } catch (RuntimeException e) {
            LOG.warn(
                    "receipt email {} attempt {} failed ({})",
                    job.requestId(),
                    attempt,
                    e.getClass().getSimpleName());
            throw safeToRetry(e, reachedSes) ? new NotSent(e, attempt >= props.maxAttempts()) : new MaybeSent(e);
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

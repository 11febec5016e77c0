package com.patientpayments.bff.receipt;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.emr.EmrPractice;
import com.patientpayments.bff.emr.EmrReceipt;
import com.patientpayments.contract.PostalAddress;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds receipt payloads from the EMR connector (authoritative) and serves them through the Redis cache, enforcing
 * who may see which receipt. All methods block: call them off the event loop.
 */
@Singleton
public class ReceiptService {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptService.class);
    /** Connector ids are UUIDs; anything else is rejected before it reaches a URL. */
    private static final Pattern TX_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static final String NOT_FOUND_MESSAGE = "We could not find that receipt.";

    private final EmrClient connector;
    private final ReceiptCache cache;
    private final Timer buildTimer;

    public ReceiptService(EmrClient connector, ReceiptCache cache, MeterRegistry registry) {
        this.connector = connector;
        this.cache = cache;
        this.buildTimer = Timer.builder("receipt.build")
                .description("Receipt payload build from the EMR connector")
                .publishPercentileHistogram()
                .register(registry);
    }

    /**
     * For the payments flow: builds the payload of a just-posted transaction from the connector and caches it for
     * 30 minutes. Throws {@link PaymentsException} ({@code NOT_FOUND} or {@code UPSTREAM_UNAVAILABLE}).
     */
    public ReceiptView buildAndCache(String txId) {
        requireValidId(txId);
        ReceiptView view = buildTimer.record(() -> ReceiptAssembler.fromConnector(fetch(txId)));
        cache.put(txId, view);
        return view;
    }

    /** The receipt of a transaction of {@code householdId}: cached payload, else rebuilt. Others' look unknown. */
    public ReceiptView forHousehold(String householdId, String txId) {
        requireValidId(txId);
        ReceiptView view = cache.get(txId).orElseGet(() -> buildAndCache(txId));
        return requireHousehold(view, householdId);
    }

    /**
     * Freshly from the connector (for PDFs and emails: later refunds and disputes included), refreshing the cache.
     * When the connector is unavailable, the cached payload (itself built from the connector) is used instead.
     */
    public ReceiptView authoritative(String txId) {
        requireValidId(txId);
        try {
            return buildAndCache(txId);
        } catch (PaymentsException e) {
            if (e.code() == ErrorCode.UPSTREAM_UNAVAILABLE) {
                Optional<ReceiptView> cached = cache.get(txId);
                if (cached.isPresent()) {
                    LOG.warn("connector unavailable; serving the cached receipt payload");
                    return cached.get();
                }
            }
            throw e;
        }
    }

    /** Practice identity for sample previews; {@code NOT_FOUND} for an unknown or inactive hash. */
    public ReceiptView.Practice practiceIdentity(String practiceHash) {
        if (practiceHash == null || !TX_ID.matcher(practiceHash).matches()) {
            throw new PaymentsException(ErrorCode.NOT_FOUND, "We could not find that practice.");
        }
        EmrOutcome<EmrPractice> practice = connector.practiceByHash(practiceHash);
        if (practice instanceof EmrOutcome.Found<EmrPractice> f) {
            return ReceiptAssembler.practice(identity(f.value()));
        }
        if (practice.isNotFound()) {
            throw new PaymentsException(ErrorCode.NOT_FOUND, "We could not find that practice.");
        }
        throw unavailable();
    }

    public static ReceiptView requireHousehold(ReceiptView view, String householdId) {
        if (!view.householdId().equals(householdId)) {
            throw new PaymentsException(ErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE);
        }
        return view;
    }

    /** {@code BAD_USER_INPUT} unless {@code txId} looks like a connector id (checked before it reaches a URL). */
    public static void requireValidId(String txId) {
        if (txId == null || !TX_ID.matcher(txId).matches()) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "The receipt reference is not valid.");
        }
    }

    private EmrReceipt fetch(String txId) {
        EmrOutcome<EmrReceipt> receipt = connector.receipt(txId);
        if (receipt instanceof EmrOutcome.Found<EmrReceipt> f) {
            return f.value();
        }
        // An id the connector refuses to read (400) is one no receipt of this patient can have.
        if (receipt.isNotFound() || receipt instanceof EmrOutcome.Rejected<EmrReceipt>) {
            throw new PaymentsException(ErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE);
        }
        throw unavailable();
    }

    /** The practice identity a receipt prints, from the connector's practice. */
    private static EmrReceipt.Practice identity(EmrPractice p) {
        var a = p.address();
        return new EmrReceipt.Practice(
                p.id(),
                p.hash(),
                p.name(),
                p.phone(),
                p.phoneE164(),
                a == null ? null : new PostalAddress(a.line1(), a.line2(), a.city(), a.state(), a.postalCode()),
                p.logoUrl(),
                p.timeZone(),
                p.logo());
    }

    private static PaymentsException unavailable() {
        LOG.warn("EMR connector call for a receipt failed");
        return new PaymentsException(
                ErrorCode.UPSTREAM_UNAVAILABLE, "Receipts are temporarily unavailable. Please try again in a moment.");
    }
}

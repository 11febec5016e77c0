package com.patientpayments.bff.receipt;

import com.patientpayments.bff.StartupSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders sample receipts in the background right after start-up (one naming patients in every script the fonts
 * cover, in Spanish; one in English), so class loading, font loading (the CJK faces are 5-10 MB each) and JIT warm-up
 * are not paid by the first patient who downloads a receipt (measured first render cold: seconds; warm: milliseconds).
 */
@Singleton
public class ReceiptRendererWarmup implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptRendererWarmup.class);
    private static final ReceiptView.Practice SAMPLE_PRACTICE = new ReceiptView.Practice(
            "SAMPLE",
            "Sample Dental",
            "(555) 555-0100",
            null,
            "1 Main St",
            null,
            "Austin",
            "TX",
            "78701",
            null,
            "America/Chicago",
            null);

    private final BeanProvider<ReceiptPdfRenderer> renderer;
    private final Duration startDelay;
    private final ExecutorService blocking;

    /** The renderer (which loads the compiled report) is created on the background thread too. */
    public ReceiptRendererWarmup(
            StartupSettings startup,
            BeanProvider<ReceiptPdfRenderer> renderer,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.renderer = renderer;
        this.startDelay = startup.backgroundDelay();
        this.blocking = blocking;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        blocking.execute(() -> {
            // Let the HTTP server answer its first requests before competing with it for the cores.
            try {
                Thread.sleep(startDelay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            long start = System.nanoTime();
            try {
                // Every font face (CJK included) and both languages' formats, so no patient pays their loading.
                renderer.get().render(SampleReceipt.allScripts(SAMPLE_PRACTICE, Clock.systemUTC()), "es");
                renderer.get().render(SampleReceipt.of(SAMPLE_PRACTICE, Clock.systemUTC()), "en");
                LOG.info("receipt renderer warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("receipt renderer warm-up failed ({})", e.getClass().getSimpleName());
            }
        });
    }
}

package com.patientpayments.bff.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.concurrent.CountDownLatch;
import net.logstash.logback.encoder.LogstashEncoder;
import org.jspecify.annotations.Nullable;

/**
 * logstash-logback-encoder's {@link LogstashEncoder}, unchanged in what it writes, whose {@link #start()} runs on a
 * thread of its own: starting it builds a Jackson {@code ObjectMapper} (class loading and initialisation of
 * jackson-databind, which nothing else in the BFF uses) only to take its {@code JsonFactory}, and a JFR profile of
 * the BFF's start put that at about 11 % of the main thread's samples before the first readiness answer (issue 16).
 * Logback is configured on the main thread the first time a logger is asked for, so the main thread now goes on
 * with the application context while the encoder starts; the first event to be encoded waits until it has.
 *
 * <p>The encoder of the BFF's logging set-up ({@link JsonLogConfigurator}).
 */
public class BackgroundStartedLogstashEncoder extends LogstashEncoder {

    /** Set by each {@link #start()}, counted down when that start has finished; null before the first start. */
    private volatile @Nullable CountDownLatch started;

    @Override
    public void start() {
        CountDownLatch latch = new CountDownLatch(1);
        started = latch;
        Thread starter = new Thread(
                () -> {
                    try {
                        super.start();
                    } catch (RuntimeException | LinkageError e) {
                        // What Joran would have reported had start() thrown on its own thread; Logback's status
                        // print-out may already have run, so say it on standard error too (no event data in it).
                        addError("JSON encoder failed to start", e);
                        System.err.println("logging: the JSON encoder failed to start: " + e);
                    } finally {
                        latch.countDown();
                    }
                },
                "logback-json-encoder-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        awaitStarted();
        return super.encode(event);
    }

    @Override
    public void stop() {
        awaitStarted();
        super.stop();
    }

    /** Waits for the latest start to finish; returns at once when the encoder was never started. */
    private void awaitStarted() {
        CountDownLatch latch = started;
        if (latch == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                // Keep waiting: an event must not be encoded by a half-started formatter. Restore the flag after.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

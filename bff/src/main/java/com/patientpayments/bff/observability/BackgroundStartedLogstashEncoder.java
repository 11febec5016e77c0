package com.patientpayments.bff.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.concurrent.CountDownLatch;
import net.logstash.logback.encoder.LogstashEncoder;

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

    private final CountDownLatch started = new CountDownLatch(1);

    @Override
    public void start() {
        Thread starter = new Thread(
                () -> {
                    try {
                        super.start();
                    } catch (RuntimeException | LinkageError e) {
                        // What Joran would have reported had start() thrown on its own thread.
                        addError("JSON encoder failed to start", e);
                    } finally {
                        started.countDown();
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

    private void awaitStarted() {
        boolean interrupted = false;
        while (true) {
            try {
                started.await();
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

package com.patientpayments.bff.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;

/**
 * The production {@code logback.xml} (not the tests' {@code logback-test.xml}) writes, byte for byte, what the plain
 * {@link LogstashEncoder} with the same settings writes — the encoder only starts on another thread — and an event
 * logged right after configuration is encoded by a started formatter.
 */
class BackgroundStartedLogstashEncoderTest {

    @Test
    void productionConfigWritesWhatLogstashEncoderWrites() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getClassLoader().getResource("logback.xml"));
        Encoder<ILoggingEvent> configured = encoderOf(context);
        assertThat(configured).isInstanceOf(BackgroundStartedLogstashEncoder.class);

        LogstashEncoder plain = new LogstashEncoder();
        plain.setContext(context);
        plain.addIncludeMdcKeyName("requestId");
        plain.getFieldNames().setLevelValue("[ignore]");
        plain.start();

        // Encoded at once: the first event waits for the background start instead of meeting a half-started encoder.
        for (LoggingEvent event :
                new LoggingEvent[] {event(context, null), event(context, new IllegalStateException("x"))}) {
            String expected = new String(plain.encode(event), StandardCharsets.UTF_8);
            String actual = new String(configured.encode(event), StandardCharsets.UTF_8);
            assertThat(actual).isEqualTo(expected);
            assertThat(actual)
                    .contains("\"message\":\"charge posted ref-1\"", "\"requestId\":\"req-1\"", "\"logger_name\":")
                    .doesNotContain("level_value", "other-key");
        }
        configured.stop();
        context.stop();
    }

    private static LoggingEvent event(LoggerContext context, Throwable thrown) {
        Logger logger = context.getLogger("com.patientpayments.bff.Sample");
        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(), logger, Level.WARN, "charge posted {}", thrown, new Object[] {"ref-1"});
        event.setInstant(Instant.parse("2026-12-01T12:00:00.123456Z"));
        event.setThreadName("main");
        event.setMDCPropertyMap(Map.of("requestId", "req-1", "other-key", "v"));
        return event;
    }

    @SuppressWarnings("unchecked")
    private static Encoder<ILoggingEvent> encoderOf(LoggerContext context) {
        var appender = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("JSON");
        return appender.getEncoder();
    }
}

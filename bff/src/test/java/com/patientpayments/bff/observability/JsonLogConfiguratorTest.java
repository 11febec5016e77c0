package com.patientpayments.bff.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;

/**
 * The BFF's logging set-up ({@link JsonLogConfigurator}) writes, byte for byte, what logstash-logback-encoder's
 * {@link LogstashEncoder} writes with the settings the former {@code logback.xml} gave it (MDC {@code requestId}, no
 * {@code level_value}) — its encoder only starts on another thread, and an event encoded right after configuration
 * waits for it — with the root at {@code LOG_LEVEL} and the wire loggers at WARN; and it steps aside when an XML
 * configuration is on the classpath.
 */
class JsonLogConfiguratorTest {

    @Test
    void writesWhatLogstashEncoderWritesWithTheFormerXmlSettings() {
        LoggerContext context = new LoggerContext();
        JsonLogConfigurator.configure(context, "INFO");
        var appender = (ConsoleAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("JSON");
        Encoder<ILoggingEvent> configured = appender.getEncoder();
        assertThat(configured).isInstanceOf(BackgroundStartedLogstashEncoder.class);

        LogstashEncoder plain = new LogstashEncoder();
        plain.setContext(context);
        plain.addIncludeMdcKeyName("requestId");
        plain.getFieldNames().setLevelValue("[ignore]");
        plain.start();

        for (LoggingEvent event :
                new LoggingEvent[] {event(context, null), event(context, new IllegalStateException("x"))}) {
            String expected = new String(plain.encode(event), StandardCharsets.UTF_8);
            String actual = new String(configured.encode(event), StandardCharsets.UTF_8);
            assertThat(actual).isEqualTo(expected);
            assertThat(actual)
                    .contains("\"message\":\"charge posted ref-1\"", "\"requestId\":\"req-1\"", "\"logger_name\":")
                    .doesNotContain("level_value", "other-key");
        }
        context.stop();
    }

    @Test
    void rootAtLogLevelAndWireLoggersAtWarn() {
        LoggerContext context = new LoggerContext();
        JsonLogConfigurator.configure(context, "ERROR");
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.ERROR);
        for (String name : JsonLogConfigurator.WIRE_LOGGERS) {
            assertThat(context.getLogger(name).getLevel()).as(name).isEqualTo(Level.WARN);
        }
        assertThat(context.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(Level.WARN);
        // The SQS client's transport (Apache HttpClient 5): headers and wire bytes of signed requests and queued
        // bodies.
        assertThat(context.getLogger("org.apache.hc.client5.http.wire").getEffectiveLevel())
                .isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.apache.hc.client5.http.headers").getEffectiveLevel())
                .isEqualTo(Level.WARN);
        context.stop();

        LoggerContext unknown = new LoggerContext();
        JsonLogConfigurator.configure(unknown, "LOUD");
        // As logback.xml's level attribute did: an unknown level name means DEBUG.
        assertThat(unknown.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
        unknown.stop();
    }

    @Test
    void stepsAsideForAnXmlConfiguration() {
        // The test classpath has logback-test.xml.
        LoggerContext context = new LoggerContext();
        JsonLogConfigurator configurator = new JsonLogConfigurator();
        configurator.setContext(context);
        assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME)
                        .iteratorForAppenders()
                        .hasNext())
                .isFalse();
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

    /** An encoder that was never started (a programmatic set-up that forgot to) neither hangs its caller nor stops. */
    @Test
    @org.junit.jupiter.api.Timeout(30)
    void anEncoderNeverStartedDoesNotBlock() {
        LoggerContext context = new LoggerContext();
        BackgroundStartedLogstashEncoder encoder = new BackgroundStartedLogstashEncoder();
        encoder.setContext(context);
        encoder.stop();
        assertThat(encoder.isStarted()).isFalse();
        // Started, stopped and started again: each start is waited for by the next encode.
        encoder.start();
        encoder.stop();
        encoder.start();
        assertThat(new String(encoder.encode(event(context, null)), StandardCharsets.UTF_8))
                .contains("\"requestId\"");
        encoder.stop();
        context.stop();
    }
}

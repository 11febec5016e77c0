package com.patientpayments.bff.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import net.logstash.logback.fieldnames.LogstashFieldNames;

/**
 * The BFF's logging set-up, in code rather than in a {@code logback.xml}: JSON logs on standard output, one object
 * per line ({@link BackgroundStartedLogstashEncoder}: logstash-logback-encoder's fields, without
 * {@code level_value}), with the request id (MDC {@code requestId}) on every line of a request; the root level from
 * {@code LOG_LEVEL} (system property, else environment variable; default {@code INFO}); third-party wire logging at
 * {@code WARN}.
 *
 * <p>Logback runs it through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator} before it looks for
 * XML: parsing and interpreting {@code logback.xml} (Joran) was about 8–9 % of the main thread's JFR samples before the
 * first readiness answer (issue 16). An XML configuration named by {@code -Dlogback.configurationFile}, or a
 * {@code logback-test.xml} on the classpath (the tests have one), still wins: then this configurator steps aside. A
 * classpath {@code logback.xml} does not: the BFF ships none, and one left behind in {@code target/classes} would
 * otherwise be packaged and silently replace this set-up.
 *
 * <p>Never log names, account numbers, emails, card data, tokens or secrets: log opaque references.
 */
public final class JsonLogConfigurator extends ContextAwareBase implements Configurator {

    /** The MDC key every line of a request carries (set by the request filter, forwarded to the connector). */
    static final String REQUEST_ID = "requestId";

    /**
     * Kept at {@code WARN} whatever {@code LOG_LEVEL} says: their debug and info lines print headers ({@code X-Api-Key}),
     * bodies (sign-in look-ups) and Redis payloads.
     */
    static final List<String> WIRE_LOGGERS = List.of(
            "io.micronaut.http.client",
            "io.micronaut.http.server.netty",
            "io.lettuce",
            "io.netty",
            "software.amazon.awssdk",
            "com.stripe",
            "org.apache.http",
            // Apache HttpClient 5, the SQS client's transport (webhook.SqsEndpointConfigurer): its headers and wire
            // logs
            // carry request signatures and queued webhook bodies.
            "org.apache.hc");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (xmlConfigurationPresent()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, logLevel());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up {@code context} with the root logger at {@code rootLevel} (as logback.xml's {@code level} attribute). */
    static void configure(LoggerContext context, String rootLevel) {
        BackgroundStartedLogstashEncoder encoder = new BackgroundStartedLogstashEncoder();
        encoder.setContext(context);
        encoder.addIncludeMdcKeyName(REQUEST_ID);
        LogstashFieldNames fieldNames = new LogstashFieldNames();
        fieldNames.setLevelValue("[ignore]");
        encoder.setFieldNames(fieldNames);
        encoder.start();

        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("JSON");
        appender.setEncoder(encoder);
        appender.start();

        for (String name : WIRE_LOGGERS) {
            context.getLogger(name).setLevel(Level.WARN);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        // Level.toLevel: an unknown name means DEBUG, as it did in logback.xml.
        root.setLevel(Level.toLevel(rootLevel));
        root.addAppender(appender);
    }

    private static String logLevel() {
        String level = System.getProperty("LOG_LEVEL");
        if (level == null) {
            level = System.getenv("LOG_LEVEL");
        }
        return level == null ? "INFO" : level;
    }

    private static boolean xmlConfigurationPresent() {
        ClassLoader loader = JsonLogConfigurator.class.getClassLoader();
        // Not a classpath logback.xml: the BFF ships none, and Maven leaves a deleted resource in target/classes, from
        // where a stale one would be packaged and silently win. Operators point -Dlogback.configurationFile at theirs.
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null;
    }
}

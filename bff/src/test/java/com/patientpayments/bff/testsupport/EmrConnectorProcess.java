package com.patientpayments.bff.testsupport;

import com.patientpayments.bff.demo.LocalPorts;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The REAL EMR connector, started once per test JVM as a subprocess of its packaged jar, on a fresh PostgreSQL
 * database seeded with the demo data ({@code emr-connector/API.md}).
 *
 * <p>Usage from a {@code @MicronautTest} (see {@link BffTestSupport} for the matching properties):
 * <pre>{@code
 * EmrConnectorProcess emr = EmrConnectorProcess.shared();   // lazy start, waits for GET /health 200
 * emr.url();                                                // http://127.0.0.1:<port>
 * emr.apiKey();                                             // random service credential
 * emr.stop(); ... emr.start();                              // "connector down" fault tests
 * }</pre>
 *
 * <p>Build the jar first: {@code ./mvnw -q -pl emr-connector package -DskipTests} (from the repository root).
 * The database {@code pp_bff_<random>} on 127.0.0.1:5432 (user {@code postgres}) and the process are removed by a
 * shutdown hook when the JVM exits.
 */
public final class EmrConnectorProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static volatile EmrConnectorProcess shared;

    private final Path jar;
    private final String database;
    private final int port;
    private final String apiKey;
    private final Path logFile;
    private Process process;

    private EmrConnectorProcess(Path jar, String database, int port, String apiKey, Path logFile) {
        this.jar = jar;
        this.database = database;
        this.port = port;
        this.apiKey = apiKey;
        this.logFile = logFile;
    }

    /** The connector of this test JVM, started on first use. */
    public static EmrConnectorProcess shared() {
        EmrConnectorProcess local = shared;
        if (local == null) {
            synchronized (EmrConnectorProcess.class) {
                local = shared;
                if (local == null) {
                    local = create();
                    local.start();
                    shared = local;
                }
            }
        }
        return local;
    }

    private static EmrConnectorProcess create() {
        Path jar = findJar();
        String database = "pp_bff_" + randomHex(6);
        createDatabase(database);
        EmrConnectorProcess emr;
        try {
            Path log = Files.createTempFile("emr-connector-", ".log");
            emr = new EmrConnectorProcess(jar, database, LocalPorts.freePort(), randomHex(16), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the connector log file", e);
        }
        EmrConnectorProcess finalEmr = emr;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            finalEmr.stop();
                            dropDatabase(database);
                        },
                        "emr-connector-cleanup"));
        return emr;
    }

    /**
     * A connector of its own (not the shared one) on {@code database} with the service credential {@code apiKey}, on
     * a free port, not started yet. Several such connectors on one database are what the multi-instance test runs;
     * the caller creates the database ({@link #freshDatabase}) and stops the processes.
     */
    public static EmrConnectorProcess onDatabase(String database, String apiKey) {
        try {
            return new EmrConnectorProcess(
                    findJar(), database, LocalPorts.freePort(), apiKey, Files.createTempFile("emr-connector-", ".log"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the connector log file", e);
        }
    }

    /** Creates an empty database {@code <prefix>_<random>} on 127.0.0.1:5432, dropped when this JVM exits. */
    public static String freshDatabase(String prefix) {
        String database = prefix + "_" + randomHex(6);
        createDatabase(database);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(database), "drop-" + database));
        return database;
    }

    /** Kills the process at once (SIGKILL: no shutdown at all, as a crashed task) and waits for it. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The log file of this process (JSON lines). */
    public Path logFile() {
        return logFile;
    }

    /** Base URL of the running connector, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The random service credential the connector was started with. */
    public String apiKey() {
        return apiKey;
    }

    /** Name of the connector's database (for tests that inspect it). */
    public String database() {
        return database;
    }

    /** JDBC URL of the connector's database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres";
    }

    /** Everything the connector process has logged so far (JSON lines), for tests that follow a request id. */
    public String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the connector log", e);
        }
    }

    /** The connector's process id (for benchmarks reading its CPU time), or -1 when it is not running. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /**
     * How many sign-in look-ups with this outcome ({@code match} or {@code no_match}) reached the connector since it
     * started, from its own counter {@code emr_household_lookups_total} on {@code GET /prometheus}. Tests compare two
     * readings: what a limiter let through is what the connector actually checked.
     */
    public long lookups(String outcome) {
        try {
            HttpURLConnection c = (HttpURLConnection)
                    URI.create(url() + "/prometheus").toURL().openConnection();
            c.setRequestProperty("X-Api-Key", apiKey);
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            try (var in = c.getInputStream()) {
                String body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                                "(?m)^emr_household_lookups_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} ([0-9.E]+)$")
                        .matcher(body);
                return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the connector's metrics", e);
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the connector (same port, database and key) and waits until {@code GET /health} answers 200. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        if (!Boolean.getBoolean("bench.connector.production-jvm")) {
            // Tests: a quick start (C1 only) and a small heap. Benchmarks (-Pbench sets the property) run the
            // production JVM: with C1 only, signIn's steady p95 at 250/s was 95-117 ms against 49 ms in the demo.
            command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        }
        command.addAll(coverageAgent());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("DATABASE_URL", jdbcUrl());
        env.put("EMR_PORT", Integer.toString(port));
        env.put("EMR_API_KEY", apiKey);
        env.put("EMR_SEED_DEMO", "true");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the EMR connector from " + jar, e);
        }
        awaitHealthy();
    }

    /**
     * The JaCoCo agent argument the build passes as {@code emr.connector.coverage-agent} (bff/pom.xml), so the
     * connector code the BFF's tests run counts in the aggregated report; empty when coverage is off or the test runs
     * outside Maven (an unresolved {@code ${...}} placeholder).
     */
    private static List<String> coverageAgent() {
        String agent = System.getProperty("emr.connector.coverage-agent", "");
        return agent.startsWith("-javaagent:") ? List.of(agent) : List.of();
    }

    /** Stops the connector (kills the process and waits for it), for "connector down" tests. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops and starts again. */
    public void restart() {
        stop();
        start();
    }

    private void awaitHealthy() {
        if (ChildProcess.awaitUp(process, "EMR connector", logFile, START_TIMEOUT, this::healthy)) {
            return;
        }
        stop();
        throw new IllegalStateException(
                "the EMR connector did not become healthy in " + START_TIMEOUT + "; its output is in " + logFile);
    }

    private boolean healthy() {
        try {
            HttpURLConnection c =
                    (HttpURLConnection) URI.create(url() + "/health").toURL().openConnection();
            c.setConnectTimeout(200);
            c.setReadTimeout(1000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static Path findJar() {
        Path dir = Path.of(System.getProperty("user.dir"));
        for (int i = 0; i < 3 && dir != null; i++, dir = dir.getParent()) {
            Path jar = dir.resolve("emr-connector/target/emr-connector-0.1.0-SNAPSHOT.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("The EMR connector jar is missing: build it first with "
                + "`./mvnw -q -pl emr-connector package -DskipTests` from the repository root "
                + "(expected emr-connector/target/emr-connector-0.1.0-SNAPSHOT.jar).");
    }

    private static void createDatabase(String name) {
        adminSql("CREATE DATABASE " + name);
    }

    private static void dropDatabase(String name) {
        try {
            adminSql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static void adminSql(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at 127.0.0.1:5432 (user postgres) is needed: " + e.getMessage(), e);
        }
    }

    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

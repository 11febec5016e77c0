package com.patientpayments.bff.testsupport;

import com.patientpayments.bff.demo.LocalPorts;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A BFF started as a real process from the module's packaged jar ({@code bff/target/bff-*.jar}, so tests using it
 * run after {@code package}: the {@code multi-instance} tests in the integration-test phase), configured by
 * environment variables as production is, on free ports (public and management).
 *
 * <pre>{@code
 * BffProcess bff = BffProcess.start(Map.of("EMR_URL", a + "," + b, ...), List.of("-Dpayments.queue.wait-time=1s"));
 * bff.url();          // http://127.0.0.1:<port>
 * bff.sigterm();      // what ECS sends; bff.process().waitFor() for the exit code
 * }</pre>
 */
public final class BffProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path logFile;

    private BffProcess(Process process, int port, int managementPort, Path logFile) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
    }

    /**
     * Starts the jar with {@code env} added to this JVM's environment ({@code BFF_PORT} and {@code MANAGEMENT_PORT}
     * are chosen here) and {@code jvmOptions} (system properties for keys without an environment variable), then
     * waits until {@code /health/readiness} answers 200.
     */
    public static BffProcess start(Map<String, String> env, List<String> jvmOptions) {
        int port = LocalPorts.freePort();
        int management = LocalPorts.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.environment().put("BFF_PORT", Integer.toString(port));
        pb.environment().put("MANAGEMENT_PORT", Integer.toString(management));
        try {
            Path log = Files.createTempFile("bff-process-", ".log");
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            BffProcess bff = new BffProcess(pb.start(), port, management, log);
            Runtime.getRuntime().addShutdownHook(new Thread(bff.process::destroyForcibly, "bff-process-cleanup"));
            bff.awaitReady();
            return bff;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the BFF jar", e);
        }
    }

    /** The module's shaded jar as `package` builds it. */
    public static Path jar() {
        Path target = Path.of(System.getProperty("user.dir")).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("bff-[0-9].*(?<!-sources|-javadoc)\\.jar"))
                    .filter(f -> !f.getFileName().toString().startsWith("original-"))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException(
                    "The BFF jar is missing: these tests run after `package` "
                            + "(./mvnw -pl bff verify); expected bff/target/bff-*.jar",
                    e);
        }
    }

    private void awaitReady() {
        if (ChildProcess.awaitUp(process, "BFF", logFile, START_TIMEOUT, () -> status("/health/readiness") == 200)) {
            return;
        }
        process.destroyForcibly();
        throw new IllegalStateException("the BFF was not ready in " + START_TIMEOUT + "; see " + logFile);
    }

    /** Public base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Management base URL ({@code /prometheus}, Micronaut's {@code /health/liveness}, {@code /health/readiness}). */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Status of {@code GET path} on the public port, or -1 when nothing answered. */
    public int status(String path) {
        return statusOf(url() + path);
    }

    /** Status of {@code GET url} (any host), or -1 when nothing answered. */
    public static int statusOf(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(300);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /** Sends SIGTERM (what ECS, Kubernetes and {@code docker stop} send first). */
    public void sigterm() {
        process.destroy();
    }

    public Process process() {
        return process;
    }

    /** Everything the process logged so far. */
    public String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path logFile() {
        return logFile;
    }

    /** Kills the process if it still runs and waits for it. */
    public void stop() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package com.patientpayments.bff.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a JVM service for a benchmark — the BFF's shaded jar or the floor app of {@code ../bench-floor} — with the
 * same JVM flags for both, and measures process start → readiness 200.
 */
final class Launch {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** A started process, its base URL and the time from start to its first readiness 200 (ms). */
    record Started(Process process, String base, long readyMillis, Path log) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    private Launch() {}

    /** The JVM flags every benchmark start uses, product and floor alike ({@code -Dbench.jvm-flags} adds more). */
    static List<String> jvmFlags(String extra) {
        List<String> flags = new ArrayList<>(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        for (String f : System.getProperty("bench.jvm-flags", "").split("\\s+")) {
            if (!f.isBlank()) {
                flags.add(f);
            }
        }
        if (extra != null) {
            flags.add(extra);
        }
        return flags;
    }

    /** {@code java <flags> -cp <floor tests jar>:<its classpath> com.patientpayments.floor.MinimalApp}. */
    static List<String> floorCommand(List<String> flags) throws IOException {
        Path target = Path.of("..", "bench-floor", "target");
        Path classpath = target.resolve("floor.classpath");
        Path jar;
        try (var files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().matches("bench-floor-.*-tests\\.jar"))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            jar = null;
        }
        if (jar == null || !Files.exists(classpath)) {
            throw new IllegalStateException(
                    "the floor app is not built: run `./mvnw -pl bench-floor package` (make " + "bench builds it)");
        }
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(flags);
        cmd.addAll(List.of(
                "-cp",
                jar.toAbsolutePath()
                        + java.io.File.pathSeparator
                        + Files.readString(classpath).trim(),
                "com.patientpayments.floor.MinimalApp"));
        return cmd;
    }

    /** The module's shaded jar, as built by `package` (benchmarks run in the integration-test phase). */
    static Path bffJar() throws IOException {
        // -Dbench.bff.jar=<jar>: another build of the BFF (before/after comparisons of a change, same floors).
        String other = System.getProperty("bench.bff.jar", "");
        if (!other.isBlank()) {
            return Path.of(other).toAbsolutePath();
        }
        try (var files = Files.list(Path.of("target"))) {
            Path jar = files.filter(f -> f.getFileName().toString().matches("bff-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("bff jar missing: run `./mvnw -pl bff "
                            + "verify -Pbench` (benchmarks run after package)"));
            Path classes = Path.of("target", "classes");
            if (Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(classes)) < 0) {
                throw new IllegalStateException("bff jar is older than target/classes: rebuild it first");
            }
            return jar;
        }
    }

    /** {@code java <flags> -jar <jar>}. */
    static List<String> jarCommand(List<String> flags, Path jar) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(flags);
        cmd.addAll(List.of("-jar", jar.toString()));
        return cmd;
    }

    /**
     * Starts {@code command} with {@code env} added and polls {@code base + readinessPath} every 10 ms until it
     * answers 200.
     */
    static Started start(List<String> command, Map<String, String> env, String base, String readinessPath)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("bench-process-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process p = pb.start();
        URI ready = URI.create(base + readinessPath);
        while (!ok(ready)) {
            if (!p.isAlive()) {
                throw new IllegalStateException(
                        "process exited before it was ready; see " + log + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() - started > Duration.ofMinutes(3).toNanos()) {
                p.destroyForcibly();
                throw new IllegalStateException("not ready after 3 minutes; see " + log);
            }
            Thread.sleep(10);
        }
        return new Started(p, base, (System.nanoTime() - started) / 1_000_000, log);
    }

    private static boolean ok(URI uri) {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofSeconds(1))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

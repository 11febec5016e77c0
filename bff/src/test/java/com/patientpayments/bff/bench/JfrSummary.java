package com.patientpayments.bff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time went in a JFR recording ({@code jdk.ExecutionSample} events, as {@code jfr print --events
 * jdk.ExecutionSample} lists them), summarised: the methods on top of the stack (self time), the methods anywhere on
 * the stack (inclusive time, each method counted once per sample) and the same for the project's own code. This is
 * the benchmarks' profiler: async-profiler is not available on the project's machines.
 */
final class JfrSummary {

    private JfrSummary() {}

    /**
     * Prints the summary of {@code recording}, {@code top} lines per table, restricted to samples of threads whose name
     * matches {@code threadPattern} (null: all threads).
     */
    static void print(Path recording, int top, String threadPattern) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            String thread = e.getThread("sampledThread") == null
                    ? "?"
                    : e.getThread("sampledThread").getJavaName();
            if (threadPattern != null && (thread == null || !thread.matches(threadPattern))) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            threads.merge(thread == null ? "?" : thread.replaceAll("-?\\d+$", "-N"), 1, Integer::sum);
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                    if (n.startsWith("com.patientpayments.")) {
                        own.merge(n, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("BENCH profile %s: %d execution samples%n", recording.getFileName(), samples);
        table("threads", threads, samples, top);
        table("self (top of stack)", self, samples, top);
        table("inclusive (anywhere on the stack)", inclusive, samples, top);
        table("inclusive, project code", own, samples, top);
    }

    /**
     * A copy of the JDK's {@code profile} settings whose blocking events ({@code jdk.ThreadPark},
     * {@code jdk.ThreadSleep}, {@code jdk.JavaMonitorEnter}/{@code Wait}, {@code jdk.SocketRead}/{@code Write}) are
     * recorded from 0 ms rather than 10 ms, so that {@link #waits} sees every wait of a request, even a 0.2 ms Redis
     * round trip. Written to a temporary file and returned (for {@code JFR.start settings=}).
     */
    static Path wallClockSettings() throws IOException {
        Path profile = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
        String jfc = Files.readString(profile)
                .replaceAll("control=\"(locking|socket)-threshold\">[^<]*<", "control=\"$1-threshold\">0 ms<");
        Path settings = Files.createTempFile("bench-wallclock-", ".jfc");
        Files.writeString(settings, jfc);
        return settings;
    }

    /**
     * Where threads matching {@code threadPattern} waited (the wall-clock view execution samples cannot give):
     * every {@code jdk.ThreadPark}, {@code jdk.ThreadSleep}, {@code jdk.JavaMonitorEnter}, {@code jdk.JavaMonitorWait},
     * {@code jdk.SocketRead} and {@code jdk.SocketWrite} event, summed by the innermost project frame on its stack
     * (with its caller in the project, the site) and the event type. Prints each site's total, count and the time per
     * request ({@code requests}: how many requests the recording served), then the garbage collector's pauses and
     * how many distinct threads matched (a bounded pool that saturates shows as a flat thread count and parks in
     * its queue).
     */
    static void waits(Path recording, String threadPattern, long requests, int top) throws IOException {
        Map<String, long[]> sites = new HashMap<>();
        Set<String> threadNames = new HashSet<>();
        long gcPauses = 0;
        long gcPauseNanos = 0;
        long longestPause = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.GCPhasePause")) {
                long d = e.getDuration().toNanos();
                gcPauses++;
                gcPauseNanos += d;
                longestPause = Math.max(longestPause, d);
                continue;
            }
            if (!type.equals("jdk.ThreadPark")
                    && !type.equals("jdk.ThreadSleep")
                    && !type.equals("jdk.JavaMonitorEnter")
                    && !type.equals("jdk.JavaMonitorWait")
                    && !type.equals("jdk.SocketRead")
                    && !type.equals("jdk.SocketWrite")) {
                continue;
            }
            String thread = e.getThread() == null ? null : e.getThread().getJavaName();
            if (thread == null || (threadPattern != null && !thread.matches(threadPattern))) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            String site = "(no project frame)";
            if (stack != null) {
                List<RecordedFrame> frames = stack.getFrames();
                for (int i = 0; i < frames.size(); i++) {
                    String n = name(frames.get(i));
                    if (n.startsWith("com.patientpayments.")) {
                        String caller =
                                i + 1 < frames.size() && name(frames.get(i + 1)).startsWith("com.patientpayments.")
                                        ? " <- " + shortName(frames.get(i + 1))
                                        : "";
                        site = shortName(frames.get(i)) + caller;
                        break;
                    }
                }
                if (site.equals("(no project frame)") && !frames.isEmpty()) {
                    // Not in project code: name the pool's wait (idle workers) by the first frame above the JDK's.
                    for (RecordedFrame f : frames) {
                        String n = name(f);
                        if (!n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.")) {
                            site = "(outside project) " + shortName(f);
                            break;
                        }
                    }
                }
            }
            threadNames.add(thread);
            long[] acc = sites.computeIfAbsent(type.substring(4) + " " + site, k -> new long[2]);
            acc[0] += e.getDuration().toNanos();
            acc[1]++;
        }
        System.out.printf(
                "BENCH waits %s: threads matching %s: %d distinct; %,d requests%n",
                recording.getFileName(), threadPattern, threadNames.size(), requests);
        System.out.printf("BENCH waits %10s %9s %12s  %s%n", "total ms", "count", "ms/request", "event site");
        sites.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .limit(top)
                .forEach(en -> System.out.printf(
                        "BENCH waits %10.1f %9d %12.3f  %s%n",
                        en.getValue()[0] / 1e6,
                        en.getValue()[1],
                        requests > 0 ? en.getValue()[0] / 1e6 / requests : Double.NaN,
                        en.getKey()));
        System.out.printf(
                "BENCH waits GC pauses: %d, total %.1f ms, longest %.1f ms%n",
                gcPauses, gcPauseNanos / 1e6, Duration.ofNanos(longestPause).toNanos() / 1e6);
    }

    private static String shortName(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void table(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.printf("BENCH profile -- %s%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e ->
                        System.out.printf("BENCH profile %6.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}

package com.patientpayments.bff.bench;

import java.io.IOException;
import java.nio.file.Path;
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

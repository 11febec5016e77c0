package com.patientpayments.bff.bench;

import com.patientpayments.bff.receipt.ReceiptFixtures;
import com.patientpayments.bff.receipt.ReceiptPdfRenderer;
import com.patientpayments.bff.receipt.ReceiptView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receipt PDF rendering on this machine: the first render after start-up (template load, font and class loading
 * included), warm p50/p95 for 1, 30 and 200 lines, and PDFs per second (30 lines, one thread per core). Prints its
 * figures; asserts nothing about time. Run: {@code ./mvnw -q -pl bff test -Pbench -Dtest=ReceiptPdfBenchmark} (or {@code make bench}).
 * Targets: 30 lines p50 ≤ 15 ms; ≥ 60 PDFs/s; first render ≤ 1 s.
 */
@Tag("bench")
class ReceiptPdfBenchmark {

    @Test
    void renderFigures() throws Exception {
        ReceiptView one = ReceiptFixtures.receipt(1);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        ReceiptPdfRenderer renderer = new ReceiptPdfRenderer(new SimpleMeterRegistry());
        renderer.render(one);
        System.out.printf("BENCH receipt.pdf first render of a new renderer (incl. template load; a fresh JVM's first only "
                + "when this benchmark runs alone): wall %.0f ms, CPU %.0f ms%n",
                (System.nanoTime() - t0) / 1e6, (cpu.getCurrentThreadCpuTime() - c0) / 1e6);
        // In the service, ReceiptRendererWarmup does one sample render at start-up: this is what a patient waits.
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        renderer.render(ReceiptFixtures.receipt(30));
        System.out.printf("BENCH receipt.pdf first patient render after the start-up warm-up (30 lines): wall %.0f ms,"
                + " CPU %.0f ms%n", (System.nanoTime() - t1) / 1e6, (cpu.getCurrentThreadCpuTime() - c1) / 1e6);

        ReceiptView thirty = ReceiptFixtures.receipt(30);
        ReceiptView twoHundred = ReceiptFixtures.receipt(200);
        for (int i = 0; i < 300; i++) {
            renderer.render(i % 10 == 0 ? twoHundred : thirty);
        }
        report(renderer, "1 line", one, 400);
        report(renderer, "30 lines", thirty, 400);
        report(renderer, "200 lines", twoHundred, 100);

        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    renderer.render(thirty);
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH receipt.pdf throughput (30 lines, %d threads): %.1f PDFs/s%n", threads,
                done.get() / seconds);
        // The machine is shared: print the load so figures can be read in context.
        System.out.printf("BENCH receipt.pdf system load average during run: %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), threads);
    }

    /**
     * Wall-clock percentiles, and the render thread's CPU time: on a shared, overloaded machine the wall clock mostly
     * measures waiting for a core, while CPU time approximates what the render costs on an idle one.
     */
    private static void report(ReceiptPdfRenderer renderer, String label, ReceiptView view, int runs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            bytes = renderer.render(view).length;
            nanos[i] = System.nanoTime() - s;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        double meanCpuMs = Arrays.stream(cpu).average().orElse(0) / 1e6;
        System.out.printf("BENCH receipt.pdf %-9s wall p50 %.1f ms, p95 %.1f ms | CPU p50 %.1f ms, p95 %.1f ms"
                        + " (=> ~%.0f PDFs/s per idle core) (%d runs, %d KiB)%n", label,
                nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6, cpu[runs / 2] / 1e6,
                cpu[(int) (runs * 0.95)] / 1e6, 1000 / meanCpuMs, runs, bytes / 1024);
    }
}

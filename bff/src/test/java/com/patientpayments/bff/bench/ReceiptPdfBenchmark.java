package com.patientpayments.bff.bench;

import com.patientpayments.bff.receipt.ReceiptFixtures;
import com.patientpayments.bff.receipt.ReceiptJasperFloor;
import com.patientpayments.bff.receipt.ReceiptPdfRenderer;
import com.patientpayments.bff.receipt.ReceiptView;
import com.patientpayments.floor.Floors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Receipt PDF rendering on this machine: the first render after start-up (template load, font and class loading
 * included), warm p50/p95 for 1 and 200 lines, and — beside its floor, bare JasperReports fill + export of the same
 * compiled template with an in-memory data source and the same fonts ({@link ReceiptJasperFloor}), in interleaved
 * rounds ({@link Floors}) — 30 lines p50 and PDFs per second (one thread per core); goal ≤ 1.2× the floor. Prints its
 * figures; asserts nothing about time. {@code BENCH_QUICK=1}: short rounds. Run: {@code ./mvnw -q -pl bff test -Pbench -Dtest=ReceiptPdfBenchmark} (or {@code make bench}).
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
        System.out.printf(
                "BENCH receipt.pdf first render of a new renderer (incl. template load; a fresh JVM's first only "
                        + "when this benchmark runs alone): wall %.0f ms, CPU %.0f ms%n",
                (System.nanoTime() - t0) / 1e6, (cpu.getCurrentThreadCpuTime() - c0) / 1e6);
        // In the service, ReceiptRendererWarmup does one sample render at start-up: this is what a patient waits.
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        renderer.render(ReceiptFixtures.receipt(30));
        System.out.printf(
                "BENCH receipt.pdf first patient render after the start-up warm-up (30 lines): wall %.0f ms,"
                        + " CPU %.0f ms%n",
                (System.nanoTime() - t1) / 1e6, (cpu.getCurrentThreadCpuTime() - c1) / 1e6);

        ReceiptView thirty = ReceiptFixtures.receipt(30);
        ReceiptView twoHundred = ReceiptFixtures.receipt(200);
        ReceiptJasperFloor floor = new ReceiptJasperFloor(thirty);
        for (int i = 0; i < Floors.seconds(60, 300); i++) {
            renderer.render(i % 10 == 0 ? twoHundred : thirty);
            floor.render();
        }
        report(renderer, "1 line", one, Floors.seconds(50, 400));
        report(renderer, "200 lines", twoHundred, Floors.seconds(20, 100));

        // 30 lines beside the floor: bare JasperReports fill + export of the same compiled template, in-memory rows,
        // same fonts; interleaved rounds (floor, product, …) of single-thread p50 and of PDFs/s on every core.
        int runs = Floors.seconds(60, 300);
        int seconds = Floors.seconds(2, 8);
        Floors p50 = new Floors("receipt.pdf 30 lines p50", "ms", "≤ 1.2×");
        Floors cpuP50 = new Floors("receipt.pdf 30 lines CPU p50", "ms", "≤ 1.2×");
        Floors rate = new Floors("receipt.pdf 30 lines throughput", "PDFs/s", "≥ 0.83× (time ≤ 1.2×)");
        for (int r = 0; r < Floors.rounds(5); r++) {
            double[] f = sample(floor::render, runs);
            p50.floor("bare Jasper", f[0]);
            cpuP50.floor("bare Jasper", f[1]);
            double[] pr = sample(() -> renderer.render(thirty), runs);
            p50.product(pr[0]);
            cpuP50.product(pr[1]);
            rate.floor("bare Jasper", throughput(floor::render, seconds));
            rate.product(throughput(() -> renderer.render(thirty), seconds));
        }
        p50.summary();
        cpuP50.summary();
        rate.summary();
    }

    /** Single-thread wall p50 and thread-CPU p50 of {@code runs} renders, in milliseconds. */
    private static double[] sample(Runnable render, int runs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            render.run();
            wall[i] = (System.nanoTime() - s) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[] {Floors.median(wall), Floors.median(cpu)};
    }

    /** Renders per second with one thread per core for {@code seconds}. */
    private static double throughput(Runnable render, int seconds) throws InterruptedException {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    render.run();
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return done.get() / ((System.nanoTime() - start) / 1e9);
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
        System.out.printf(
                "BENCH receipt.pdf %-9s wall p50 %.1f ms, p95 %.1f ms | CPU p50 %.1f ms, p95 %.1f ms"
                        + " (=> ~%.0f PDFs/s per idle core) (%d runs, %d KiB)%n",
                label,
                nanos[runs / 2] / 1e6,
                nanos[(int) (runs * 0.95)] / 1e6,
                cpu[runs / 2] / 1e6,
                cpu[(int) (runs * 0.95)] / 1e6,
                1000 / meanCpuMs,
                runs,
                bytes / 1024);
    }
}

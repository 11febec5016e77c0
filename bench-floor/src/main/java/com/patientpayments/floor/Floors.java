package com.patientpayments.floor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark figure beside its floors, measured in the same run in interleaved rounds (floor, product, floor,
 * product…). Every round is printed as it ends with the machine's 1-minute load average, and flagged
 * {@code DISTURBED} when that load exceeds the number of cores (other work competed for them); {@link #summary}
 * prints, per floor, the median over rounds of product ÷ floor. Prints only; asserts nothing about time.
 *
 * <p>One class for the benchmarks of both services ({@code bff} and {@code emr-connector} take this module at test
 * scope).
 *
 * <p>{@code BENCH_QUICK=1} (or {@code -Dbench.quick=true}) makes every benchmark's rounds short, for development on a
 * busy machine; its figures are indicative only.
 */
public final class Floors {

    /** Short rounds for development ({@code BENCH_QUICK=1}); the full figures come from a quiet machine. */
    public static final boolean QUICK = "1".equals(System.getenv("BENCH_QUICK")) || Boolean.getBoolean("bench.quick");

    /** This machine's cores as the JVM sees them: a round whose load average exceeds it is disturbed. */
    public static final int CORES = Runtime.getRuntime().availableProcessors();

    private final String figure;
    private final String unit;
    private final String goal;
    private final Map<String, List<Double>> floors = new LinkedHashMap<>();
    private final List<Double> product = new ArrayList<>();
    private final List<Boolean> disturbed = new ArrayList<>();

    /**
     * @param figure what is measured, e.g. {@code household{charges} throughput}
     * @param unit   the unit printed after each value, e.g. {@code req/s}, {@code ms}
     * @param goal   the goal as text, printed with the summary, e.g. {@code ≥ 0.6× (a)}
     */
    public Floors(String figure, String unit, String goal) {
        this.figure = figure;
        this.unit = unit;
        this.goal = goal;
    }

    /** Rounds of a benchmark: {@code bench.rounds}, else 2 in quick mode and {@code full} otherwise. */
    public static int rounds(int full) {
        return Integer.getInteger("bench.rounds", QUICK ? 2 : full);
    }

    /** {@code quick} seconds in quick mode, else {@code full}. */
    public static int seconds(int quick, int full) {
        return QUICK ? quick : full;
    }

    /**
     * Records and prints a floor's value in the current round.
     *
     * @param name  the floor, e.g. {@code (a) static file}
     * @param value its value in {@link #unit}
     */
    public void floor(String name, double value) {
        List<Double> values = floors.computeIfAbsent(name, k -> new ArrayList<>());
        values.add(value);
        print(name, values.size(), value);
    }

    /** Records and prints the product's value in the current round (call after the round's floors). */
    public void product(double value) {
        product.add(value);
        double load = load();
        disturbed.add(load > CORES);
        print("product", product.size(), value);
    }

    private void print(String who, int round, double value) {
        double load = load();
        System.out.printf(
                "BENCH %s round %d %-22s %10.2f %s  load %.2f on %d cores%s%n",
                figure, round, who, value, unit, load, CORES, load > CORES ? "  DISTURBED" : "");
    }

    /**
     * Prints, per floor, the median of product ÷ floor over the rounds (each round's product against the same
     * round's floor), the rounds' ratios, and how many rounds were disturbed.
     */
    public void summary() {
        long bad = disturbed.stream().filter(d -> d).count();
        for (Map.Entry<String, List<Double>> e : floors.entrySet()) {
            List<Double> f = e.getValue();
            int n = Math.min(f.size(), product.size());
            double[] ratios = new double[n];
            for (int i = 0; i < n; i++) {
                ratios[i] = f.get(i) == 0 ? Double.NaN : product.get(i) / f.get(i);
            }
            double[] sorted = ratios.clone();
            Arrays.sort(sorted);
            StringBuilder each = new StringBuilder();
            for (double r : ratios) {
                each.append(each.length() == 0 ? "" : ", ").append(String.format("%.2f", r));
            }
            System.out.printf(
                    "BENCH %s RATIO product/%s median %.2f× (rounds: %s; product median %.2f %s, floor "
                            + "median %.2f %s) goal %s; %d of %d rounds disturbed (load > %d cores)%s%n",
                    figure,
                    e.getKey(),
                    median(sorted),
                    each,
                    median(product),
                    unit,
                    median(f),
                    unit,
                    goal,
                    bad,
                    product.size(),
                    CORES,
                    QUICK ? " [BENCH_QUICK: short rounds]" : "");
        }
        if (floors.isEmpty()) {
            System.out.printf(
                    "BENCH %s SUMMARY product median %.2f %s goal %s; %d of %d rounds disturbed%s%n",
                    figure,
                    median(product),
                    unit,
                    goal,
                    bad,
                    product.size(),
                    QUICK ? " [BENCH_QUICK: short rounds]" : "");
        }
    }

    /** The median product value so far. */
    public double productMedian() {
        return median(product);
    }

    /** The median of {@code values} in any order (mean of the middle two for an even count); NaN when empty. */
    public static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    /** The median of already ascending {@code sorted} values; NaN when empty. */
    public static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** The machine's 1-minute load average, from /proc/loadavg (Linux); NaN elsewhere. */
    public static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}

package dev.weft.bench.jmh;

import java.util.Arrays;
import java.util.Locale;

/**
 * Guest over Java on matmul, measured side by side in one JVM: after a warm-up, each round times
 * one Java run and one guest run back to back (alternating which goes first), so that both see
 * the same load on a shared machine; the result is the median of the rounds' ratios, and the ratio
 * of the fastest runs. JMH's forks measure the two in different JVMs at different moments, which a
 * busy 2-core machine turns into noise larger than the effect measured.
 *
 * <pre>
 * java -cp target/benchmarks.jar dev.weft.bench.jmh.MatmulRatio [rounds] [n...]
 * </pre>
 *
 * Variants of the runtime: {@code -Dweft.wasm.dirty-tracking=off},
 * {@code -Dweft.wasm.poll-budget=N}.
 */
public final class MatmulRatio {

    private MatmulRatio() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int[] sizes = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {200, 500, 1000};
        System.out.printf(Locale.ROOT, "# dirty-tracking=%s poll-budget=%s rounds=%d%n",
                System.getProperty("weft.wasm.dirty-tracking", "store"),
                System.getProperty("weft.wasm.poll-budget", "10000"), rounds);
        MatmulBenchmark bench = new MatmulBenchmark();
        bench.tracking = System.getProperty("weft.wasm.dirty-tracking", "store");
        bench.budget = System.getProperty("weft.wasm.poll-budget", "10000");
        for (int n : sizes) {
            bench.n = n;
            bench.start(); // also checks that the checksums are equal
            try {
                // Warm-up: both compiled by C2 before anything counts (at least 5 runs, 3 s).
                long warmUntil = System.nanoTime() + 3_000_000_000L;
                for (int i = 0; i < 5 || System.nanoTime() < warmUntil; i++) {
                    bench.java();
                    bench.wasm();
                }
                double[] java = new double[rounds];
                double[] wasm = new double[rounds];
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    if (r % 2 == 0) {
                        java[r] = time(bench::java);
                        wasm[r] = time(bench::wasm);
                    } else {
                        wasm[r] = time(bench::wasm);
                        java[r] = time(bench::java);
                    }
                    ratio[r] = wasm[r] / java[r];
                }
                System.out.printf(Locale.ROOT,
                        "n=%d  java median %.2f ms (min %.2f)  wasm median %.2f ms (min %.2f)  ratio: median %.3f, of minima %.3f%n",
                        n, median(java), min(java), median(wasm), min(wasm), median(ratio), min(wasm) / min(java));
            } finally {
                bench.stop();
            }
        }
    }

    private static double time(java.util.function.DoubleSupplier run) {
        long start = System.nanoTime();
        double checksum = run.getAsDouble();
        long nanos = System.nanoTime() - start;
        if (checksum == 0) {
            throw new IllegalStateException();
        }
        return nanos / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}

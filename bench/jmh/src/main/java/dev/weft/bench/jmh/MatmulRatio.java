package dev.weft.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Guest over Java on matmul, measured side by side in one JVM: after a warm-up, each round times
 * one Java run and one guest run back to back (alternating which goes first), so that both see
 * the same load on a shared machine; the result is the median of the rounds' ratios, and the ratio
 * of the fastest runs. JMH's forks measure the two in different JVMs at different moments, which a
 * busy 2-core machine turns into noise larger than the effect measured.
 *
 * <p>Each run is timed twice: wall-clock, and the CPU time of the calling thread (the guest runs
 * on the caller's thread, as Weft's compiled guests do). On a machine shared with other work, the
 * CPU-time ratio leaves out the time the thread waited for a core, and varies far less.
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
                double[] javaCpu = new double[rounds];
                double[] wasmCpu = new double[rounds];
                double[] cpuRatio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    double[] j;
                    double[] w;
                    if (r % 2 == 0) {
                        j = time(bench::java);
                        w = time(bench::wasm);
                    } else {
                        w = time(bench::wasm);
                        j = time(bench::java);
                    }
                    java[r] = j[0];
                    wasm[r] = w[0];
                    ratio[r] = wasm[r] / java[r];
                    javaCpu[r] = j[1];
                    wasmCpu[r] = w[1];
                    cpuRatio[r] = wasmCpu[r] / javaCpu[r];
                }
                System.out.printf(Locale.ROOT,
                        "n=%d  java median %.2f ms (min %.2f)  wasm median %.2f ms (min %.2f)  ratio: median %.3f, of minima %.3f%n",
                        n, median(java), min(java), median(wasm), min(wasm), median(ratio), min(wasm) / min(java));
                System.out.printf(Locale.ROOT,
                        "n=%d  thread CPU time: java median %.2f ms  wasm median %.2f ms  ratio: median %.3f, of minima %.3f%n",
                        n, median(javaCpu), median(wasmCpu), median(cpuRatio), min(wasmCpu) / min(javaCpu));
            } finally {
                bench.stop();
            }
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Wall-clock and thread CPU milliseconds of one run. */
    private static double[] time(java.util.function.DoubleSupplier run) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        double checksum = run.getAsDouble();
        long nanos = System.nanoTime() - start;
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
        if (checksum == 0) {
            throw new IllegalStateException();
        }
        return new double[] {nanos / 1e6, cpuNanos / 1e6};
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

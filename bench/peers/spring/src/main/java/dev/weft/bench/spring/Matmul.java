package dev.weft.bench.spring;

/** The contract's matrix multiplication: LCG fill, plain i-k-j triple loop, row-major checksum. */
final class Matmul {

    private Matmul() {}

    static BenchController.MatmulResult run(int n, long seed) {
        long state = seed;
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        double[] c = new double[n * n];
        // One LCG stream fills A, then B; the state stays in [0, 2^32) as a long.
        for (int i = 0; i < a.length; i++) {
            state = (1664525L * state + 1013904223L) & 0xFFFF_FFFFL;
            a[i] = state / 4294967296.0;
        }
        for (int i = 0; i < b.length; i++) {
            state = (1664525L * state + 1013904223L) & 0xFFFF_FFFFL;
            b[i] = state / 4294967296.0;
        }

        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
        double computeMs = (System.nanoTime() - start) / 1e6;

        double checksum = 0.0;
        for (double v : c) {
            checksum += v;
        }
        return new BenchController.MatmulResult(n, seed, checksum, computeMs);
    }
}

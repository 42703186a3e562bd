package dev.weft.bench.jmh;

/**
 * The benchmark contract's matrix multiplication in plain Java: a copy of the example's
 * {@code dev.weft.example.MatrixMultiplication} (package-private there), without the timing, so
 * that the benchmark needs no example jar. {@link MatmulBenchmark} checks at start-up that it
 * returns the guest's checksum bit for bit.
 */
final class JavaMatmul {

    private JavaMatmul() {}

    static double checksum(int n, long seed) {
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        int state = (int) seed;
        for (int i = 0; i < a.length; i++) {
            state = 1664525 * state + 1013904223;
            a[i] = unit(state);
        }
        for (int i = 0; i < b.length; i++) {
            state = 1664525 * state + 1013904223;
            b[i] = unit(state);
        }
        return multiplyAndSum(n, a, b);
    }

    /** C = A x B with the contract's i-k-j loop, then the sum of C in row-major order. */
    static double multiplyAndSum(int n, double[] a, double[] b) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int k = 0; k < n; k++) {
                double aik = a[row + k];
                int bRow = k * n;
                for (int j = 0; j < n; j++) {
                    c[row + j] += aik * b[bRow + j];
                }
            }
        }

        double checksum = 0.0;
        for (double value : c) {
            checksum += value;
        }
        return checksum;
    }

    private static double unit(int state) {
        return Integer.toUnsignedLong(state) / 4294967296.0;
    }
}

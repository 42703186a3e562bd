package dev.weft.example;

import java.util.concurrent.CancellationException;

/**
 * The benchmark's algorithm in plain Java: a 32-bit LCG fills A then B, then the i-k-j triple loop
 * over doubles, then the sum of the product in row-major order. Kept identical to the Rust guest
 * so that both return the same checksum, bit for bit.
 */
final class MatrixMultiplication {

    private MatrixMultiplication() {}

    static MatmulResult run(int n, long seed) {
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

        double[] c = new double[n * n];
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            // Once per row, which costs nothing: the handler timeout interrupts this thread.
            if (Thread.interrupted()) {
                throw new CancellationException("matrix multiplication stopped at row " + i + " of " + n);
            }
            int row = i * n;
            for (int k = 0; k < n; k++) {
                double aik = a[row + k];
                int bRow = k * n;
                for (int j = 0; j < n; j++) {
                    c[row + j] += aik * b[bRow + j];
                }
            }
        }
        double computeMs = (System.nanoTime() - started) / 1e6;

        double checksum = 0.0;
        for (double value : c) {
            checksum += value;
        }
        return new MatmulResult(n, seed, checksum, computeMs);
    }

    /** The state as an unsigned fraction of 2^32, in [0, 1). */
    private static double unit(int state) {
        return Integer.toUnsignedLong(state) / 4294967296.0;
    }
}

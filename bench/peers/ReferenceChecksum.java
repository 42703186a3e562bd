/**
 * Reference implementation of the matmul benchmark contract (shared/BENCH-CONTRACT.md).
 *
 * <p>Usage: {@code java ReferenceChecksum.java N SEED} prints the checksum with Double.toString,
 * which round-trips the double exactly. Every peer server must return this value bit for bit.
 */
public class ReferenceChecksum {

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java ReferenceChecksum.java N SEED");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        System.out.println(checksum(n, seed));
    }

    static double checksum(int n, long seed) {
        long state = seed;
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        double[] c = new double[n * n];
        // A first, then B, from one LCG stream; state kept in [0, 2^32) as a long.
        for (int i = 0; i < n * n; i++) {
            state = (1664525L * state + 1013904223L) & 0xFFFFFFFFL;
            a[i] = state / 4294967296.0;
        }
        for (int i = 0; i < n * n; i++) {
            state = (1664525L * state + 1013904223L) & 0xFFFFFFFFL;
            b[i] = state / 4294967296.0;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
        double sum = 0.0;
        for (double v : c) {
            sum += v;
        }
        return sum;
    }
}

package dev.weft.bench.jmh;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.weft.runtime.generated.GuestPoll;
import dev.weft.runtime.internal.wasm.FlatMemory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Hand-written Java replicas of the matmul guest's multiplication as Chicory compiles it, over a
 * {@link FlatMemory} through Chicory's {@link Memory} interface, each timed against plain Java over
 * {@code double[]} in the same JVM (thread CPU time, median of the rounds' ratios). They separate
 * what the JIT makes of the loop's shape from what it makes of the one large method Chicory
 * compiles the guest's export into (see bench/jmh/results/2026-12-01-compute-gap/findings.md).
 *
 * <pre>
 * java -cp target/benchmarks.jar dev.weft.bench.jmh.MatmulLoopShapes [rounds] [n] [shape...]
 * </pre>
 *
 * <p>Each memory access goes through the same helper as Chicory's compiled code does
 * ({@code memoryReadDouble(base, offset, memory)}: {@code getAddr}, then the interface call); a
 * "check" is the countdown that Weft's InterruptionCheckPass puts at every back-edge.
 */
public final class MatmulLoopShapes {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MatmulLoopShapes() {}

    /** One replica: multiplies the n x n matrices at byte addresses a and b into c. */
    @FunctionalInterface
    interface Shape {
        void multiply(int n, int a, int b, int c, Memory memory);
    }

    private enum Variant {
        /** The loop as rustc/LLVM emit it today: pointers bumped by 16, two elements per iteration, exit on !=; checks. */
        WASM(MatmulLoopShapes::wasmShape),
        WASM_NO_CHECK(MatmulLoopShapes::wasmShapeWithoutChecks),
        /** The same without LLVM's unrolling: pointers bumped by 8, one element per iteration; checks. */
        STRIDE1(MatmulLoopShapes::strideOne),
        STRIDE1_NO_CHECK(MatmulLoopShapes::strideOneWithoutChecks),
        /** Addresses computed from the loop counter (base + j * 8), as without LLVM's strength reduction; checks. */
        INDEXED(MatmulLoopShapes::indexed),
        INDEXED_NO_CHECK(MatmulLoopShapes::indexedWithoutChecks),
        /**
         * Stride one, with a countdown whose expiry does no call and no ordered read: a plain read of a
         * flag at an index the loop computes (so the JIT cannot hoist it), and a call only when set.
         */
        STRIDE1_FLAG(MatmulLoopShapes::strideOneFlag),
        /** Indexed, with Chicory's own check (Thread.isInterrupted()) at every back-edge instead of the countdown. */
        INDEXED_INTERRUPTED(MatmulLoopShapes::indexedInterrupted);

        final Shape shape;

        Variant(Shape shape) {
            this.shape = shape;
        }
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Variant[] variants = args.length > 2
                ? Arrays.stream(args, 2, args.length).map(v -> Variant.valueOf(v.toUpperCase(Locale.ROOT))).toArray(Variant[]::new)
                : Variant.values();
        System.out.printf(Locale.ROOT, "# n=%d rounds=%d (thread CPU time, replica / Java over double[])%n", n, rounds);
        for (Variant variant : variants) {
            double[] ratios = measure(variant.shape, n, rounds);
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "%-20s median %.2f  min %.2f%n", variant, ratios[rounds / 2], ratios[0]);
        }
    }

    /** Ratios of rounds after three warm-up rounds; fails when a replica's sum differs from Java's. */
    private static double[] measure(Shape shape, int n, int rounds) {
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        long state = 1;
        for (int i = 0; i < n * n; i++) {
            state = (1664525 * state + 1013904223) & 0xFFFF_FFFFL;
            a[i] = state / 4294967296.0;
        }
        for (int i = 0; i < n * n; i++) {
            state = (1664525 * state + 1013904223) & 0xFFFF_FFFFL;
            b[i] = state / 4294967296.0;
        }
        int matrixBytes = n * n * 8;
        FlatMemory memory = new FlatMemory(new MemoryLimits((3 * matrixBytes + 1024) / Memory.PAGE_SIZE + 1, 65536));
        int addressA = 1024;
        int addressB = addressA + matrixBytes;
        int addressC = addressB + matrixBytes;
        double[] ratios = new double[rounds];
        for (int round = -3; round < rounds; round++) {
            double[] javaSum = new double[1];
            long java = cpuNanos(() -> {
                javaSum[0] = JavaMatmul.multiplyAndSum(n, a, b);
                return 0;
            });
            for (int i = 0; i < n * n; i++) {
                memory.writeF64(addressA + 8 * i, a[i]);
                memory.writeF64(addressB + 8 * i, b[i]);
                memory.writeF64(addressC + 8 * i, 0);
            }
            long replica = cpuNanos(() -> {
                shape.multiply(n, addressA, addressB, addressC, memory);
                return 0;
            });
            double sum = 0;
            for (int i = 0; i < n * n; i++) {
                sum += memory.readDouble(addressC + 8 * i);
            }
            if (Double.doubleToRawLongBits(sum) != Double.doubleToRawLongBits(javaSum[0])) {
                throw new IllegalStateException("replica's sum " + sum + " differs from Java's " + javaSum[0]);
            }
            if (round >= 0) {
                ratios[round] = (double) replica / java;
            }
        }
        return ratios;
    }

    private static long cpuNanos(IntSupplier run) {
        long start = THREADS.getCurrentThreadCpuTime();
        run.getAsInt();
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    // ---- what Chicory's compiled code calls ----

    private static int getAddr(int base, int offset) {
        return base < 0 ? base : base + offset;
    }

    private static double load(int base, Memory memory) {
        return memory.readDouble(getAddr(base, 0));
    }

    private static void store(int base, double value, Memory memory) {
        memory.writeF64(getAddr(base, 0), value);
    }

    // ---- the replicas; local names follow the guest's wasm locals where they mirror them ----

    /** The guest's loop nest as compiled today: func_3 of the matmul module, bytecode 825-1070. */
    static void wasmShape(int n, int a, int b, int c, Memory memory) {
        int countdown = GuestPoll.budget();
        int evenN = n & ~1;
        int rowBytes = n << 3;
        int i = 0;
        int cRow = c;
        while (true) {
            int aRow = a + ((i * n) << 3);
            int bRow = b;
            int k = 0;
            while (true) {
                double aik = load(aRow + (k << 3), memory);
                int j = 0;
                if (n != 1) {
                    int bAt = bRow;
                    int cAt = cRow;
                    while (true) {
                        store(cAt, load(cAt, memory) + aik * load(bAt, memory), memory);
                        store(cAt + 8, load(cAt + 8, memory) + aik * load(bAt + 8, memory), memory);
                        bAt += 16;
                        cAt += 16;
                        j += 2;
                        if (evenN == j) {
                            break;
                        }
                        if (--countdown <= 0) {
                            countdown = GuestPoll.poll();
                        }
                    }
                }
                if ((n & 1) != 0) {
                    int cAt = cRow + (j << 3);
                    store(cAt, load(cAt, memory) + aik * load(bRow + (j << 3), memory), memory);
                }
                bRow += rowBytes;
                k++;
                if (k == n) {
                    break;
                }
                if (--countdown <= 0) {
                    countdown = GuestPoll.poll();
                }
            }
            cRow += rowBytes;
            i++;
            if (i == n) {
                break;
            }
            if (--countdown <= 0) {
                countdown = GuestPoll.poll();
            }
        }
    }

    static void wasmShapeWithoutChecks(int n, int a, int b, int c, Memory memory) {
        int evenN = n & ~1;
        int rowBytes = n << 3;
        int cRow = c;
        for (int i = 0; i != n; i++) {
            int aRow = a + ((i * n) << 3);
            int bRow = b;
            for (int k = 0; k != n; k++) {
                double aik = load(aRow + (k << 3), memory);
                int j = 0;
                if (n != 1) {
                    int bAt = bRow;
                    int cAt = cRow;
                    do {
                        store(cAt, load(cAt, memory) + aik * load(bAt, memory), memory);
                        store(cAt + 8, load(cAt + 8, memory) + aik * load(bAt + 8, memory), memory);
                        bAt += 16;
                        cAt += 16;
                        j += 2;
                    } while (evenN != j);
                }
                if ((n & 1) != 0) {
                    int cAt = cRow + (j << 3);
                    store(cAt, load(cAt, memory) + aik * load(bRow + (j << 3), memory), memory);
                }
                bRow += rowBytes;
            }
            cRow += rowBytes;
        }
    }

    static void strideOne(int n, int a, int b, int c, Memory memory) {
        int countdown = GuestPoll.budget();
        int rowBytes = n << 3;
        int cRow = c;
        for (int i = 0; i != n; i++) {
            int aRow = a + ((i * n) << 3);
            int bRow = b;
            for (int k = 0; k != n; k++) {
                double aik = load(aRow + (k << 3), memory);
                int bAt = bRow;
                int cAt = cRow;
                for (int j = 0; j != n; j++) {
                    store(cAt, load(cAt, memory) + aik * load(bAt, memory), memory);
                    bAt += 8;
                    cAt += 8;
                    if (--countdown <= 0) {
                        countdown = GuestPoll.poll();
                    }
                }
                bRow += rowBytes;
            }
            cRow += rowBytes;
        }
    }

    static void strideOneWithoutChecks(int n, int a, int b, int c, Memory memory) {
        int rowBytes = n << 3;
        int cRow = c;
        for (int i = 0; i != n; i++) {
            int aRow = a + ((i * n) << 3);
            int bRow = b;
            for (int k = 0; k != n; k++) {
                double aik = load(aRow + (k << 3), memory);
                int bAt = bRow;
                int cAt = cRow;
                for (int j = 0; j != n; j++) {
                    store(cAt, load(cAt, memory) + aik * load(bAt, memory), memory);
                    bAt += 8;
                    cAt += 8;
                }
                bRow += rowBytes;
            }
            cRow += rowBytes;
        }
    }

    /** Set by whoever wants a running guest to call GuestPoll.poll(); never set here. */
    private static final int[] ATTENTION = new int[2];

    static void strideOneFlag(int n, int a, int b, int c, Memory memory) {
        int countdown = GuestPoll.budget();
        int rowBytes = n << 3;
        int cRow = c;
        for (int i = 0; i != n; i++) {
            int aRow = a + ((i * n) << 3);
            int bRow = b;
            for (int k = 0; k != n; k++) {
                double aik = load(aRow + (k << 3), memory);
                int bAt = bRow;
                int cAt = cRow;
                for (int j = 0; j != n; j++) {
                    store(cAt, load(cAt, memory) + aik * load(bAt, memory), memory);
                    bAt += 8;
                    cAt += 8;
                    if (--countdown <= 0) {
                        if (ATTENTION[countdown >>> 31] != 0) {
                            GuestPoll.poll();
                        }
                        countdown = GuestPoll.budget();
                    }
                }
                bRow += rowBytes;
            }
            cRow += rowBytes;
        }
    }

    static void indexed(int n, int a, int b, int c, Memory memory) {
        int countdown = GuestPoll.budget();
        for (int i = 0; i != n; i++) {
            int cRow = c + ((i * n) << 3);
            for (int k = 0; k != n; k++) {
                double aik = load(a + ((i * n + k) << 3), memory);
                int bRow = b + ((k * n) << 3);
                for (int j = 0; j != n; j++) {
                    int cAt = cRow + (j << 3);
                    store(cAt, load(cAt, memory) + aik * load(bRow + (j << 3), memory), memory);
                    if (--countdown <= 0) {
                        countdown = GuestPoll.poll();
                    }
                }
            }
        }
    }

    static void indexedWithoutChecks(int n, int a, int b, int c, Memory memory) {
        for (int i = 0; i != n; i++) {
            int cRow = c + ((i * n) << 3);
            for (int k = 0; k != n; k++) {
                double aik = load(a + ((i * n + k) << 3), memory);
                int bRow = b + ((k * n) << 3);
                for (int j = 0; j != n; j++) {
                    int cAt = cRow + (j << 3);
                    store(cAt, load(cAt, memory) + aik * load(bRow + (j << 3), memory), memory);
                }
            }
        }
    }

    static void indexedInterrupted(int n, int a, int b, int c, Memory memory) {
        for (int i = 0; i != n; i++) {
            int cRow = c + ((i * n) << 3);
            for (int k = 0; k != n; k++) {
                double aik = load(a + ((i * n + k) << 3), memory);
                int bRow = b + ((k * n) << 3);
                for (int j = 0; j != n; j++) {
                    int cAt = cRow + (j << 3);
                    store(cAt, load(cAt, memory) + aik * load(bRow + (j << 3), memory), memory);
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("interrupted");
                    }
                }
            }
        }
    }
}

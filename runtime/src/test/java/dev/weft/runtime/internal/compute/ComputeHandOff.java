package dev.weft.runtime.internal.compute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What {@code @Compute} costs a trivial handler: the same trivial work called directly and through
 * {@link ComputeThreads}, from 64 virtual threads at once, as a server's requests would. Not a test;
 * run on demand (runtime/README.md, "What @Compute costs"):
 *
 * <pre>
 * mvn -pl runtime test-compile
 * java -cp "runtime/target/classes:runtime/target/test-classes:$(cat runtime/target/cp.txt)" \
 *     dev.weft.runtime.internal.compute.ComputeHandOff
 * </pre>
 */
public final class ComputeHandOff {

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        ComputeThreads.configure(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(30));
        for (int round = 0; round < 3; round++) {
            double direct = measure(calls, false);
            double offloaded = measure(calls, true);
            System.out.printf("round %d: direct %.2f us/call, through ComputeThreads %.2f us/call (+%.2f us)%n",
                    round, direct, offloaded, offloaded - direct);
        }
        System.exit(0);
    }

    private static double measure(int calls, boolean offload) throws Exception {
        int threads = 64;
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    long sum = 0;
                    for (int i = 0; i < calls / threads; i++) {
                        int value = i;
                        sum += offload ? ComputeThreads.run(() -> trivial(value)) : trivial(value);
                    }
                    return sum;
                }));
            }
            for (Future<Long> future : futures) {
                future.get();
            }
        }
        // Wall time per call with every processor shared: what one call costs the machine.
        return (System.nanoTime() - started) / 1e3 / calls * Runtime.getRuntime().availableProcessors();
    }

    private static long trivial(int value) {
        return Integer.toString(value).length();
    }
}

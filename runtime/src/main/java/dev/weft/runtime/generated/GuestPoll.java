package dev.weft.runtime.generated;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import dev.weft.runtime.internal.wasm.LongCalls;
import java.util.concurrent.locks.LockSupport;

/**
 * For generated code: the check that compiled wasm guests make while they run, so that a runaway
 * guest can be stopped.
 *
 * <p>Chicory's compiler calls {@code checkInterruption()} (a {@code Thread.isInterrupted()}) at
 * every loop back-edge, which costs a hot loop 1.6-1.7x. Weft's build rewrites those calls
 * (dev.weft.maven.InterruptionCheckPass in weft-wasm-aot-maven-plugin) into a countdown in a local
 * variable that starts at {@link #budget()}: only when it reaches zero does the guest call
 * {@link #poll()}, which checks and hands back the next budget.
 */
public final class GuestPoll {

    /**
     * Back-edges of one function invocation between two checks. Small enough that a runaway loop
     * is checked every few microseconds (a loop iteration takes a nanosecond or more), large
     * enough that the check itself costs nothing measurable; see bench/jmh/README.md. The system
     * property {@code weft.wasm.poll-budget} (read once) overrides it, for measuring.
     */
    static final int BUDGET = Math.max(1, Integer.getInteger("weft.wasm.poll-budget", 10_000));

    private GuestPoll() {}

    /** The countdown a compiled function starts with. */
    public static int budget() {
        return BUDGET;
    }

    /**
     * Called when a guest's countdown reached zero: stops the guest if its thread was interrupted
     * (its deadline passed, or the server is stopping), else returns the next countdown. On the
     * way it lets other virtual threads run (every 5 ms of computing) and stops a long call's
     * memory from marking the pages it writes (internal LongCalls).
     *
     * @throws ChicoryInterruptedException when the thread was interrupted, as Chicory's own check does
     */
    public static int poll() {
        Thread thread = Thread.currentThread();
        if (thread.isInterrupted()) {
            throw new ChicoryInterruptedException("Thread interrupted");
        }
        long now = System.nanoTime();
        LongCalls.poll(now);
        if (thread.isVirtual()) {
            shareTheCarrier(now);
        }
        return BUDGET;
    }

    /**
     * Guests run on the requests' virtual threads, which the JVM never preempts: a guest that
     * computes for seconds would hold its carrier thread, and with one such guest per core, nothing
     * else (health checks included) would run. So a guest steps off its carrier once per
     * {@link #SLICE_NANOS} of computing, and other virtual threads get their turn. It parks for a
     * microsecond rather than calling {@code Thread.yield()}: measured on JDK 25 with two carriers
     * and two computing threads, a yield let the computing threads straight back on and a new
     * request waited for them to end (3 s), while a park let it in within milliseconds.
     */
    private static void shareTheCarrier(long now) {
        long[] sliceStarted = SLICE_STARTED.get();
        if (now - sliceStarted[0] >= SLICE_NANOS) {
            LockSupport.parkNanos(1_000);
            sliceStarted[0] = System.nanoTime();
        }
    }

    /** How long a guest computes before it lets other virtual threads run: short beside a request's latency. */
    static final long SLICE_NANOS = 5_000_000;

    /** When the current virtual thread last stepped off its carrier (an array: updated in place, no boxing). */
    private static final ThreadLocal<long[]> SLICE_STARTED = ThreadLocal.withInitial(() -> new long[] {System.nanoTime()});
}

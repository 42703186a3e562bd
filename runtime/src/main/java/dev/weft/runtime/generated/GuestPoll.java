package dev.weft.runtime.generated;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;

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
     * (its deadline passed, or the server is stopping), else returns the next countdown.
     *
     * @throws ChicoryInterruptedException when the thread was interrupted, as Chicory's own check does
     */
    public static int poll() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ChicoryInterruptedException("Thread interrupted");
        }
        return BUDGET;
    }
}

package dev.weft.runtime.internal.wasm;

/**
 * Stops a long guest call's memory from marking the pages it writes ({@link FlatMemory}): a mark
 * per store costs a computing guest about a third of its time, while the full copy that then
 * resets its memory costs a call that has run long a tenth of its time at most
 * ({@link FlatMemory#markingStopsAfterNanos}).
 *
 * <p>{@link GuestInstance} registers each export call on its thread; the countdown of Weft's
 * compiled guests reaches {@code GuestPoll.poll()} every 10,000 loop back-edges, which asks
 * {@link #poll} whether the call has run long. Public only for {@code GuestPoll}; this package is
 * not exported.
 */
public final class LongCalls {

    /** The export call running on this thread, if its memory marks. */
    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

    private record Call(FlatMemory memory, long stopMarkingAt) {}

    private LongCalls() {}

    /**
     * Registers a call starting now on this thread; returns the call it interrupts (a host
     * function calling a guest again), to give back to {@link #ended}.
     */
    static Object started(FlatMemory memory, long startedNanos) {
        Call previous = CURRENT.get();
        CURRENT.set(memory.marking() ? new Call(memory, startedNanos + memory.markingStopsAfterNanos()) : null);
        return previous;
    }

    /** The call registered by {@link #started} has ended; {@code previous} is what it returned. */
    static void ended(Object previous) {
        CURRENT.set((Call) previous);
    }

    /** Called by compiled guests now and then: stops the current call's marks once it has run long. */
    public static void poll(long nowNanos) {
        Call call = CURRENT.get();
        if (call != null && nowNanos - call.stopMarkingAt >= 0) {
            call.memory.stopMarking();
            CURRENT.set(null);
        }
    }
}

package dev.weft.runtime.internal.middleware;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many stack traces the log gets: at most {@link #PER_MINUTE} a minute, so that a client who
 * finds a request that fails unexpectedly cannot fill the disk with them. Past the budget a
 * failure is logged on one line, and the next stack trace says how many were left out.
 */
public final class StackTraceBudget {

    public static final int PER_MINUTE = 10;
    private static final long MINUTE = 60_000_000_000L;

    private final Object lock = new Object();
    private long windowStart = System.nanoTime();
    private int used;
    private final AtomicLong suppressed = new AtomicLong();

    /** The shared budget of the server's error logs. */
    public static final StackTraceBudget SERVER = new StackTraceBudget();

    /**
     * Whether this failure may log its stack trace; when it may, {@code suppressedSince()} then
     * tells how many were left out since the last one.
     */
    public boolean take() {
        synchronized (lock) {
            long now = System.nanoTime();
            if (now - windowStart >= MINUTE) {
                windowStart = now;
                used = 0;
            }
            if (used < PER_MINUTE) {
                used++;
                return true;
            }
        }
        suppressed.incrementAndGet();
        return false;
    }

    /** Stack traces left out since the last call, and resets the count. */
    public long suppressedSince() {
        return suppressed.getAndSet(0);
    }
}

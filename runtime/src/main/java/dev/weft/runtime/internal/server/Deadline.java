package dev.weft.runtime.internal.server;

import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A time limit on the current thread: when it passes, the thread is interrupted. Interruption is
 * how work is stopped here: compiled wasm checks it while it loops, blocking calls throw. Close the
 * deadline when the work ends; it then clears an interrupt it caused, so that the thread goes on
 * clean.
 *
 * <pre>{@code
 * try (Deadline deadline = Deadline.in(timeout)) {
 *     return work();
 * } // deadline.expired() tells whether it was cut short
 * }</pre>
 *
 * <p>Every request takes several (the handler's, each guest call's), and almost all end in time,
 * so a deadline costs one insertion into and one removal from a sorted set, nothing more: a single
 * watchdog thread sleeps until the earliest deadline and interrupts what outlasts it. No timer task
 * is scheduled or cancelled per deadline.
 */
public final class Deadline implements AutoCloseable {

    /*
     * The life of a deadline. The watchdog and close() race for RUNNING: whoever moves it on first
     * decides. If close() wins, the watchdog never interrupts. If the watchdog wins, close() waits
     * until its interrupt has landed (INTERRUPTING -> EXPIRED) and then clears it, so that no
     * interrupt arrives after close() returned to break the thread's next piece of work.
     */
    private static final int RUNNING = 0;
    private static final int INTERRUPTING = 1;
    private static final int EXPIRED = 2;
    private static final int CLOSED_IN_TIME = 3;

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Watchdog WATCHDOG = new Watchdog();

    private final Thread thread = Thread.currentThread();
    private final long expiresAt;
    /** Orders deadlines that expire in the same nanosecond. */
    private final long sequence = SEQUENCE.incrementAndGet();
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    private Deadline(Duration timeout) {
        this.expiresAt = System.nanoTime() + timeout.toNanos();
    }

    /** Interrupts the current thread {@code timeout} from now, unless closed before. */
    public static Deadline in(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a deadline must lie in the future, not " + timeout + " from now");
        }
        Deadline deadline = new Deadline(timeout);
        WATCHDOG.watch(deadline);
        return deadline;
    }

    /** Whether the time ran out (and the thread was, or is being, interrupted). */
    public boolean expired() {
        int now = state.get();
        return now == INTERRUPTING || now == EXPIRED;
    }

    /** Ends the deadline; when it expired, clears its interrupt. Call it on the thread it limits. */
    @Override
    public void close() {
        WATCHDOG.forget(this);
        if (state.compareAndSet(RUNNING, CLOSED_IN_TIME)) {
            return;
        }
        while (state.get() == INTERRUPTING) {
            // The watchdog is between its decision and its interrupt: a matter of instructions.
            Thread.onSpinWait();
        }
        Thread.interrupted();
    }

    /** Called by the watchdog once the time has passed. */
    private void expire() {
        if (state.compareAndSet(RUNNING, INTERRUPTING)) {
            thread.interrupt();
            state.set(EXPIRED);
        }
    }

    /** One daemon thread for every deadline: it sleeps until the earliest one and interrupts what outlasts it. */
    private static final class Watchdog implements Runnable {

        private final ConcurrentSkipListSet<Deadline> pending = new ConcurrentSkipListSet<>(
                Comparator.comparingLong((Deadline deadline) -> deadline.expiresAt).thenComparingLong(deadline -> deadline.sequence));
        private final Thread thread;

        Watchdog() {
            thread = new Thread(this, "weft-deadlines");
            thread.setDaemon(true);
            thread.start();
        }

        void watch(Deadline deadline) {
            pending.add(deadline);
            // Deadlines of one kind share a timeout, so a new one rarely comes first: only then is
            // the watchdog woken to sleep for less.
            if (firstOrNull() == deadline) {
                LockSupport.unpark(thread);
            }
        }

        void forget(Deadline deadline) {
            pending.remove(deadline);
        }

        @Override
        public void run() {
            while (true) {
                Deadline first = firstOrNull();
                if (first == null) {
                    LockSupport.park(this);
                    continue;
                }
                long wait = first.expiresAt - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                } else if (pending.remove(first)) {
                    first.expire();
                }
            }
        }

        /** The earliest pending deadline, or null; the set may empty itself between two looks. */
        private Deadline firstOrNull() {
            try {
                return pending.first();
            } catch (java.util.NoSuchElementException emptiedMeanwhile) {
                return null;
            }
        }
    }
}

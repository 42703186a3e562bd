package dev.weft.runtime.internal.server;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A time limit on the current thread: when it passes, the thread is interrupted. Interruption is
 * how work is stopped here: compiled wasm checks it at every loop back-edge, blocking calls throw.
 * Close the deadline when the work ends; it then clears an interrupt it caused, so that the thread
 * goes on clean.
 *
 * <pre>{@code
 * try (Deadline deadline = Deadline.in(timeout)) {
 *     return work();
 * } // deadline.expired() tells whether it was cut short
 * }</pre>
 */
public final class Deadline implements AutoCloseable {

    /**
     * One daemon thread schedules every deadline: timers are cheap, threads are not. Almost every
     * deadline is cancelled, so cancelled ones leave the queue at once instead of piling up there
     * until they would have expired.
     */
    private static final ScheduledExecutorService TIMER = timer();

    /*
     * The life of a deadline. The timer and close() race for RUNNING: whoever moves it on first
     * decides. If close() wins, the timer never interrupts. If the timer wins, close() waits until
     * its interrupt has landed (INTERRUPTING -> EXPIRED) and then clears it, so that no interrupt
     * arrives after close() returned to break the thread's next piece of work.
     */
    private static final int RUNNING = 0;
    private static final int INTERRUPTING = 1;
    private static final int EXPIRED = 2;
    private static final int CLOSED_IN_TIME = 3;

    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final ScheduledFuture<?> timer;

    private Deadline(Duration timeout) {
        Thread thread = Thread.currentThread();
        this.timer = TIMER.schedule(() -> {
            if (state.compareAndSet(RUNNING, INTERRUPTING)) {
                thread.interrupt();
                state.set(EXPIRED);
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "weft-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Interrupts the current thread {@code timeout} from now, unless closed before. */
    public static Deadline in(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a deadline must lie in the future, not " + timeout + " from now");
        }
        return new Deadline(timeout);
    }

    /** Whether the time ran out (and the thread was, or is being, interrupted). */
    public boolean expired() {
        int now = state.get();
        return now == INTERRUPTING || now == EXPIRED;
    }

    /** Ends the deadline; when it expired, clears its interrupt. Call it on the thread it limits. */
    @Override
    public void close() {
        timer.cancel(false);
        if (state.compareAndSet(RUNNING, CLOSED_IN_TIME)) {
            return;
        }
        while (state.get() == INTERRUPTING) {
            // The timer is between its decision and its interrupt: a matter of instructions.
            Thread.onSpinWait();
        }
        Thread.interrupted();
    }
}

package dev.weft.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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

    private final AtomicBoolean expired = new AtomicBoolean();
    private final ScheduledFuture<?> timer;

    private Deadline(Duration timeout) {
        Thread thread = Thread.currentThread();
        this.timer = TIMER.schedule(() -> {
            expired.set(true);
            thread.interrupt();
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

    public boolean expired() {
        return expired.get();
    }

    @Override
    public void close() {
        timer.cancel(false);
        if (expired.get()) {
            Thread.interrupted();
        }
    }
}

package dev.weft.runtime.internal.compute;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.internal.http.PlatformThreads;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Platform threads for CPU-heavy Java handlers ({@code @Compute}), apart from the server's virtual
 * threads, as wasm guests have theirs.
 *
 * <p>Virtual threads are never preempted: a handler that computes for seconds holds its carrier
 * for seconds, and as many such handlers as processors stall every other request. On platform
 * threads the operating system shares the processors, so the carriers keep serving. At most
 * {@code maxConcurrency} calls run at once; the others wait for a permit up to
 * {@code acquireTimeout}, then answer 503. When the waiting request is interrupted (its handler
 * timeout), the compute thread is interrupted too and the request returns at once; the permit is
 * given back only when the work has really ended, so that abandoned work still counts.
 */
public final class ComputeThreads {

    private static final PlatformThreads THREADS = new PlatformThreads("weft-compute");

    private static volatile Limits limits = new Limits(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(5));

    private ComputeThreads() {}

    /** The bounds in force; work in flight gives its permit back to the semaphore it took it from. */
    private record Limits(Semaphore permits, Duration acquireTimeout) {
        Limits(int maxConcurrency, Duration acquireTimeout) {
            this(new Semaphore(maxConcurrency, true), acquireTimeout);
        }
    }

    /** Sets the limits, from {@code weft.compute.max-concurrency} and {@code weft.compute.acquire-timeout}. */
    public static void configure(int maxConcurrency, Duration acquireTimeout) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("weft.compute.max-concurrency must be at least 1, not " + maxConcurrency);
        }
        if (acquireTimeout.isNegative()) {
            throw new IllegalArgumentException("weft.compute.acquire-timeout must not be negative: " + acquireTimeout);
        }
        limits = new Limits(maxConcurrency, acquireTimeout);
    }

    /** Runs {@code work} on a compute thread, as part of the current request, and waits for it. */
    public static <T> T run(Callable<T> work) throws Exception {
        Limits current = limits;
        Semaphore permits = current.permits();
        // Interrupted already (the handler timed out before): answer at once, start nothing.
        if (!permits.tryAcquire(current.acquireTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
            throw new Busy(current.acquireTimeout());
        }
        try {
            return THREADS.run(work, permits::release);
        } catch (RejectedExecutionException e) {
            permits.release();
            throw e;
        }
    }

    /** No compute thread came free in time: 503 with {@code Retry-After}. */
    static final class Busy extends HttpException {
        Busy(Duration waited) {
            super(503, "every compute thread stayed busy for " + waited.toMillis() + " ms; try again later", Map.of(),
                    Map.of("Retry-After", "1"), null);
        }
    }
}

package dev.weft.runtime.middleware;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds how long a handler may run: at the deadline the request's thread is interrupted and the
 * request answers 504. Wasm guests stop at their next loop back-edge, blocking calls at once; a
 * Java loop that never blocks or checks {@link Thread#interrupted()} runs on, and still answers
 * 504 when it ends.
 */
public final class HandlerTimeout implements Middleware {

    /** One daemon thread schedules every deadline; timers are cheap, threads are not. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "weft-handler-timeout");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration timeout;

    public HandlerTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a handler timeout must be positive, not " + timeout);
        }
        this.timeout = timeout;
    }

    @Override
    public Response handle(Request request, RouteHandler next) throws Exception {
        Thread handlerThread = Thread.currentThread();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = TIMER.schedule(() -> {
            expired.set(true);
            handlerThread.interrupt();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            Response response = next.handle(request);
            if (expired.get()) {
                throw timedOut();
            }
            return response;
        } catch (Exception | Error e) {
            if (expired.get()) {
                throw timedOut();
            }
            throw e;
        } finally {
            deadline.cancel(false);
            if (expired.get()) {
                // Clear the interrupt, so that the thread goes back to the server clean.
                Thread.interrupted();
            }
        }
    }

    private HttpException timedOut() {
        return new HttpException(504, "the handler did not answer within " + timeout.toMillis() + " ms");
    }
}

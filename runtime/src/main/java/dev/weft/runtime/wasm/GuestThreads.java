package dev.weft.runtime.wasm;

import dev.weft.runtime.http.CurrentRequest;
import dev.weft.runtime.http.Request;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Platform threads on which guest code runs, apart from the server's virtual threads.
 *
 * <p>Guest code computes without ever blocking, and virtual threads are never preempted: a few
 * long or looping calls would hold every carrier thread and stall all other requests, health
 * checks included, until their deadline. On platform threads the operating system shares the
 * processors fairly, so the server stays responsive whatever the guests do. The cost is one
 * hand-off per request; concurrency is bounded by each module's {@code max-instances}.
 */
final class GuestThreads {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "weft-guest-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private GuestThreads() {}

    /**
     * Runs {@code work} on a guest thread, as part of the current request (host functions see it),
     * and waits for it. If the waiting thread is interrupted (its handler timed out), the guest
     * thread is interrupted too, which stops a guest at its next loop.
     */
    static <T> T run(GuestInstance guest, GuestWork<T> work) throws Exception {
        Request request = CurrentRequest.get().orElse(null);
        Future<T> future = THREADS.submit(() -> request == null
                ? work.apply(guest)
                : CurrentRequest.with(request, () -> work.apply(guest)));
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        } catch (InterruptedException e) {
            future.cancel(true);
            guest.abandon();
            Thread.currentThread().interrupt();
            throw new WasmCallException(guest.moduleName(), "call", "interrupted while the guest ran", e);
        } catch (CancellationException e) {
            guest.abandon();
            throw new WasmCallException(guest.moduleName(), "call", "cancelled", e);
        }
    }
}

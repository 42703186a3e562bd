package dev.weft.runtime.internal.wasm;

import dev.weft.runtime.internal.http.PlatformThreads;
import dev.weft.runtime.wasm.WasmCallException;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;

/**
 * Platform threads for the guests that cannot share a virtual thread's carrier: modules compiled
 * at run time (hot reload), whose loops check for interruption but never step aside. A few long or
 * looping calls of theirs on virtual threads would hold every carrier and stall all other
 * requests, health checks included; on platform threads the operating system shares the cores.
 * The cost is one hand-off per call; concurrency is bounded by each module's {@code max-instances}.
 */
final class GuestThreads {

    private static final PlatformThreads THREADS = new PlatformThreads("weft-guest");

    private GuestThreads() {}

    /**
     * Runs {@code task} on a guest thread, as part of the current request (host functions see it),
     * and waits for it. The task always runs to its end, cleanup included, even when nobody waits
     * any longer: a task that holds an instance gives it (and its permit) back only when the
     * guest has really stopped. If the waiting thread is interrupted (its handler timed out), the
     * guest thread is interrupted too, which stops a guest at its next loop, and the waiting
     * thread returns at once.
     *
     * @param ifNeverRun what to undo when no thread could be started for the task
     */
    static <T> T run(String module, Callable<T> task, Runnable ifNeverRun) throws Exception {
        try {
            return THREADS.run(task, () -> {});
        } catch (RejectedExecutionException e) {
            ifNeverRun.run();
            throw new WasmCallException(module, "call", "no guest thread could be started", e);
        } catch (InterruptedException e) {
            throw new WasmCallException(module, "call", "interrupted while the guest ran", e);
        }
    }
}

package dev.weft.runtime.internal.wasm;

import dev.weft.runtime.http.Request;
import dev.weft.runtime.internal.http.CurrentRequest;
import dev.weft.runtime.wasm.WasmCallException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
     * Runs {@code task} on a guest thread, as part of the current request (host functions see it),
     * and waits for it. The task always runs to its end, cleanup included, even when nobody waits
     * any longer: a task that holds an instance gives it (and its permit) back only when the
     * guest has really stopped. If the waiting thread is interrupted (its handler timed out), the
     * guest thread is interrupted too, which stops a guest at its next loop, and the waiting
     * thread returns at once.
     *
     * @param ifNeverRun what to undo when no thread could be started for the task
     */
    static <T> T run(String module, GuestTask<T> task, Runnable ifNeverRun) throws Exception {
        Request request = CurrentRequest.get().orElse(null);
        Run<T> run = new Run<>(task, request);
        try {
            THREADS.execute(run);
        } catch (RuntimeException | Error e) {
            ifNeverRun.run();
            throw new WasmCallException(module, "call", "no guest thread could be started", e);
        }
        try {
            return run.result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        } catch (InterruptedException e) {
            run.interrupt();
            Thread.currentThread().interrupt();
            throw new WasmCallException(module, "call", "interrupted while the guest ran", e);
        }
    }

    /** Work for a guest thread. */
    @FunctionalInterface
    interface GuestTask<T> {
        T run() throws Exception;
    }

    /** One task on its guest thread, which an impatient waiter may interrupt while it runs. */
    private static final class Run<T> implements Runnable {
        private final GuestTask<T> task;
        private final Request request;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private Thread runner;
        private boolean interrupted;
        private boolean ended;

        Run(GuestTask<T> task, Request request) {
            this.task = task;
            this.request = request;
        }

        @Override
        public void run() {
            synchronized (this) {
                runner = Thread.currentThread();
                if (interrupted) {
                    // The waiter gave up before the task began: it starts interrupted, and stops early.
                    runner.interrupt();
                }
            }
            try {
                T value = request == null ? task.run() : CurrentRequest.with(request, task::run);
                result.complete(value);
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    ended = true;
                    runner = null;
                }
                // An interrupt that arrived as the task ended must not reach the pool's next task.
                Thread.interrupted();
            }
        }

        synchronized void interrupt() {
            interrupted = true;
            if (!ended && runner != null) {
                runner.interrupt();
            }
        }
    }
}

package dev.weft.runtime.internal.http;

import dev.weft.runtime.http.Request;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of daemon platform threads that run part of a request apart from the server's virtual
 * threads, for work that computes without blocking (virtual threads are never preempted; the
 * operating system shares the cores among platform threads). Used by {@code @Compute} handlers and
 * by hot-reloaded wasm modules.
 *
 * <p>{@link #run} hands the work over and waits. The work runs as part of the current request
 * (it sees {@link CurrentRequest}). When the waiting thread is interrupted (its handler timed out),
 * the worker is interrupted too and the waiter returns at once; the work still runs to its end,
 * and {@code whenEnded} runs on the worker only then, so that what the work holds (a permit, an
 * instance) is given back when it has really stopped.
 */
public final class PlatformThreads {

    private final ExecutorService threads;

    /** A pool whose threads are named {@code <name>-1}, {@code <name>-2}, … */
    public PlatformThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code work} on a pool thread and waits for its result.
     *
     * @param whenEnded runs on the worker once the work has ended, whatever became of the waiter
     * @throws RejectedExecutionException when no thread could take the work; {@code whenEnded} has not run
     * @throws InterruptedException when the waiter was interrupted; the worker was interrupted too
     */
    public <T> T run(Callable<T> work, Runnable whenEnded) throws Exception {
        Run<T> run = new Run<>(work, CurrentRequest.get().orElse(null), whenEnded);
        threads.execute(run);
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
            throw e;
        }
    }

    /** One piece of work on its thread, which an impatient waiter may interrupt while it runs. */
    private static final class Run<T> implements Runnable {
        private final Callable<T> work;
        private final Request request;
        private final Runnable whenEnded;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private Thread runner;
        private boolean interrupted;
        private boolean ended;

        Run(Callable<T> work, Request request, Runnable whenEnded) {
            this.work = work;
            this.request = request;
            this.whenEnded = whenEnded;
        }

        @Override
        public void run() {
            synchronized (this) {
                runner = Thread.currentThread();
                if (interrupted) {
                    // The waiter gave up before the work began: it starts interrupted, and stops early.
                    runner.interrupt();
                }
            }
            try {
                T value = request == null ? work.call() : CurrentRequest.with(request, work::call);
                result.complete(value);
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    ended = true;
                    runner = null;
                }
                // An interrupt that arrived as the work ended must not reach the pool's next work.
                Thread.interrupted();
                whenEnded.run();
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

package dev.weft.runtime.internal.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.http.HttpException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComputeThreadsTest {

    @AfterEach
    void restoreDefaults() {
        ComputeThreads.configure(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(5));
    }

    @Test
    void runsOnAPlatformThreadAndPassesResultsAndExceptionsThrough() throws Exception {
        assertEquals(false, ComputeThreads.run(() -> Thread.currentThread().isVirtual()));
        assertTrue(ComputeThreads.run(() -> Thread.currentThread().getName()).startsWith("weft-compute-"));
        assertThrows(IOException.class, () -> ComputeThreads.run(() -> {
            throw new IOException("checked");
        }));
        assertThrows(IllegalStateException.class, () -> ComputeThreads.run(() -> {
            throw new IllegalStateException("unchecked");
        }));
    }

    @Test
    void boundsConcurrencyAndAnswers503WhenNoThreadComesFree() throws Exception {
        ComputeThreads.configure(1, Duration.ofMillis(100));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> busy;
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            busy = executor.submit(() -> ComputeThreads.run(() -> {
                running.countDown();
                return release.await(10, TimeUnit.SECONDS);
            }));
            assertTrue(running.await(5, TimeUnit.SECONDS));
            HttpException refused = assertThrows(HttpException.class, () -> ComputeThreads.run(() -> 1));
            assertEquals(503, refused.status());
            assertEquals("1", refused.headers().get("Retry-After"));
            release.countDown();
            assertEquals(true, busy.get());
        }
        assertEquals(2, ComputeThreads.run(() -> 2), "the permit came back");
    }

    /** The handler timeout interrupts the request's thread: the work is interrupted, the request returns at once. */
    @Test
    void anInterruptedRequestInterruptsItsWorkAndReturnsAtOnce() throws Exception {
        ComputeThreads.configure(1, Duration.ofSeconds(5));
        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(1);
        Thread request = Thread.ofVirtual().start(() -> {
            try {
                ComputeThreads.run(() -> {
                    running.countDown();
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();  // a loop that checks, as a well-behaved computation does
                    }
                    stopped.set(true);
                    return null;
                });
            } catch (Exception e) {
                assertInstanceOf(InterruptedException.class, e);
            }
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        long before = System.nanoTime();
        request.interrupt();
        request.join(5_000);
        assertFalse(request.isAlive());
        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(2));
        assertEquals(1, (int) ComputeThreads.run(() -> 1), "the work ended and gave its permit back");
        assertTrue(stopped.get());
    }

    @Test
    void refusesNonsensicalLimits() {
        assertThrows(IllegalArgumentException.class, () -> ComputeThreads.configure(0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ComputeThreads.configure(1, Duration.ofSeconds(-1)));
    }
}

package dev.weft.runtime.internal.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @AfterEach
    void leaveTheThreadClean() {
        Thread.interrupted();
    }

    @Test
    void interruptsWorkThatOutlastsItAndClearsTheInterruptOnClose() {
        Deadline deadline = Deadline.in(Duration.ofMillis(20));
        try (deadline) {
            assertThrows(InterruptedException.class, () -> Thread.sleep(5_000));
        }
        assertTrue(deadline.expired());
        assertFalse(Thread.currentThread().isInterrupted(), "close() clears the deadline's interrupt");
    }

    @Test
    void leavesWorkThatEndsInTimeAlone() throws InterruptedException {
        Deadline deadline = Deadline.in(Duration.ofMillis(50));
        try (deadline) {
            Thread.sleep(1);
        }
        assertFalse(deadline.expired());
        Thread.sleep(150);
        assertFalse(Thread.currentThread().isInterrupted(), "a closed deadline never interrupts");
    }

    @Test
    void neverLeavesAnInterruptBehindWhenItExpiresAsItIsClosed() {
        // Deadlines that expire about when the work ends: the timer and close() race each time.
        // Whoever wins, once close() has returned the thread must not be, nor become, interrupted.
        for (int i = 0; i < 300; i++) {
            Deadline deadline = Deadline.in(Duration.ofNanos(100_000));
            try (deadline) {
                long until = System.nanoTime() + 100_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            assertFalse(Thread.currentThread().isInterrupted(), "interrupted right after close(), round " + i);
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
            assertFalse(Thread.currentThread().isInterrupted(), "interrupted after close() returned, round " + i);
        }
    }

    @Test
    void refusesADeadlineInThePast() {
        assertThrows(IllegalArgumentException.class, () -> Deadline.in(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Deadline.in(Duration.ofMillis(-1)));
    }
}

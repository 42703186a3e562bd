package dev.weft.runtime.generated;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for weft-runtime's GuestPoll (the plugin does not depend on the runtime), with the
 * same two methods, that counts its polls and takes its budget from the test.
 */
public final class GuestPoll {

    public static volatile int budget = 100;
    public static final AtomicInteger POLLS = new AtomicInteger();

    private GuestPoll() {}

    public static int budget() {
        return budget;
    }

    public static int poll() {
        POLLS.incrementAndGet();
        if (Thread.currentThread().isInterrupted()) {
            throw new ChicoryInterruptedException("Thread interrupted");
        }
        return budget;
    }
}

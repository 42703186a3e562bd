package dev.weft.runtime.internal.wasm;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Cancels a guest's running statement when its thread is interrupted (the call's deadline, the
 * handler timeout): JDBC drivers do not notice interruption on their own. One daemon thread looks
 * at the watched statements every 20 ms, only while there are some.
 */
final class StatementCanceller {

    private static final long PERIOD_NANOS = 20_000_000;
    private static final Map<Watch, Thread> WATCHED = new ConcurrentHashMap<>();
    private static final Thread WATCHER = Thread.ofPlatform().daemon().name("weft-statement-canceller")
            .start(StatementCanceller::run);

    private StatementCanceller() {}

    /** Watches {@code statement} on the current thread until the watch is closed. */
    static Watch watch(Statement statement) {
        Watch watch = new Watch(statement);
        WATCHED.put(watch, Thread.currentThread());
        LockSupport.unpark(WATCHER);
        return watch;
    }

    private static void run() {
        while (true) {
            if (WATCHED.isEmpty()) {
                LockSupport.park();
            } else {
                LockSupport.parkNanos(PERIOD_NANOS);
            }
            WATCHED.forEach((watch, thread) -> {
                if (thread.isInterrupted() && WATCHED.remove(watch) != null) {
                    try {
                        watch.statement.cancel();
                    } catch (SQLException | RuntimeException closedMeanwhile) {
                        // the statement ended as we looked
                    }
                }
            });
        }
    }

    /** A statement under watch; closing it ends the watch. */
    static final class Watch implements AutoCloseable {

        private final Statement statement;

        private Watch(Statement statement) {
            this.statement = statement;
        }

        @Override
        public void close() {
            WATCHED.remove(this);
        }
    }
}

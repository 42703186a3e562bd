package dev.weft.runtime.internal.wasm;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a guest's statement so that the call's deadline (an interrupt of the calling thread)
 * cancels it in the database, not only in the JVM. The statement runs on a platform thread while
 * the caller waits: interrupting a virtual thread blocked on a socket closes that socket, which
 * would leave PostgreSQL running the statement for a client that is gone, and JDBC drivers do not
 * notice interrupts on their own. The interrupted caller cancels the statement through the still
 * open connection ({@link Statement#cancel}), then waits for the driver to report it ended.
 */
final class StatementRunner {

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("weft-sql-", 0).factory());

    private StatementRunner() {}

    /** What runs on the platform thread: JDBC calls only, no guest memory (that is the caller's). */
    @FunctionalInterface
    interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    static <T> T run(PreparedStatement statement, Work<T> work) throws SQLException {
        Future<T> result = THREADS.submit(() -> work.run(statement));
        try {
            return result.get();
        } catch (InterruptedException deadline) {
            statement.cancel();
            try {
                return awaitUninterruptibly(result);
            } finally {
                Thread.currentThread().interrupt();
            }
        } catch (ExecutionException e) {
            throw rethrown(e);
        }
    }

    private static <T> T awaitUninterruptibly(Future<T> result) throws SQLException {
        while (true) {
            try {
                return result.get();
            } catch (InterruptedException again) {
                // the statement is cancelled already; its thread ends soon
            } catch (ExecutionException e) {
                throw rethrown(e);
            }
        }
    }

    private static SQLException rethrown(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof SQLException sql) {
            return sql;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new SQLException(cause);
    }
}

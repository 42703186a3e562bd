package dev.weft.runtime.internal.server;

import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.CloseConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * The reads of one connection's socket. Normally each read happens when Helidon asks for bytes;
 * while a request runs long, a {@link ClientWatch} may start the next read ahead, on a virtual
 * thread of its own, to learn whether the client is still there: that read ends when the client
 * sends more or closes the connection. Its bytes are not lost: the next read hands them on (or its
 * failure) instead of reading again. Only one read of the socket is ever in progress.
 */
final class SocketReads {

    private static final Executor LISTENERS = task -> Thread.ofVirtual().name("weft-client-listener").start(task);

    private final DataReader socket;
    /** A read started ahead of Helidon's; null when none. */
    private CompletableFuture<Void> ahead;
    /** Helidon's own read is in progress. */
    private boolean reading;

    SocketReads(DataReader socket) {
        this.socket = socket;
    }

    /** The next bytes from the client, waiting for them; a read started ahead is used, not repeated. */
    byte[] next() {
        CompletableFuture<Void> early;
        synchronized (this) {
            early = ahead;
            ahead = null;
            reading = true;
        }
        try {
            if (early != null) {
                await(early);
            }
            if (socket.available() == 0) {
                socket.pullData();
            }
            return socket.readBytes(socket.available());
        } finally {
            synchronized (this) {
                reading = false;
            }
        }
    }

    /** Starts reading ahead, unless a read is in progress already. */
    synchronized void listen() {
        if (!reading && ahead == null) {
            ahead = CompletableFuture.runAsync(() -> {
                if (socket.available() == 0) {
                    socket.pullData();
                }
            }, LISTENERS);
        }
    }

    /** Whether a read ahead met the end of the stream or a reset: the client has gone. */
    synchronized boolean clientGone() {
        return ahead != null && ahead.isCompletedExceptionally();
    }

    private static void await(CompletableFuture<Void> read) {
        try {
            read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("reading the socket failed", e.getCause());
        } catch (InterruptedException e) {
            // Helidon interrupts a connection's thread to end it (it closes the socket too).
            Thread.currentThread().interrupt();
            throw new CloseConnectionException("interrupted while waiting for the client");
        }
    }
}

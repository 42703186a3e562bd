package dev.weft.runtime.internal.server;

/**
 * Whether the client of one connection is still there while its request runs long, so that work
 * nobody waits for any more is stopped and what it holds (a guest instance and its permit, a
 * compute thread) is given back, rather than kept until the deadline.
 *
 * <p>A request's thread computes without reading its socket, so it cannot notice that the client
 * left. Once a request has run for {@code weft.http.client-check-after} and its bytes have all
 * been read, the connections' watchdog starts the connection's next read ahead
 * ({@link SocketReads#listen()}: whatever it reads is kept for Helidon's next read). When that
 * read meets the end of the stream, or a reset, the client is gone: the request's thread
 * is interrupted, which stops a guest at its next check, a {@code @Compute} handler's thread, and
 * a wait for an instance, as a deadline does. A client that half-closes its side after sending the
 * request counts as gone, as nginx counts it (its 499).
 *
 * <p>Costs: per request, two short uncontended locks; per request that runs past the threshold, a
 * virtual thread that waits for the client's next bytes (Helidon's next read then takes them
 * from it).
 */
final class ClientWatch {

    private static final ThreadLocal<ClientWatch> CURRENT = new ThreadLocal<>();

    private final SocketReads socket;
    private final FramingGuard framing;
    private Thread requestThread;
    /** When the running request's handler began; 0 when none runs. */
    private long requestStartedNanos;
    private boolean listening;
    private boolean gone;

    ClientWatch(SocketReads socket, FramingGuard framing) {
        this.socket = socket;
        this.framing = framing;
    }

    /** The watch of the connection whose request the current thread handles, or null (no Weft HTTP/1 connection). */
    static ClientWatch current() {
        return CURRENT.get();
    }

    /** Makes this the current thread's watch while {@code connection} runs; Helidon handles a connection's requests on its thread. */
    <E extends Exception> void runOnThisThread(ConnectionWork<E> connection) throws E {
        CURRENT.set(this);
        try {
            connection.run();
        } finally {
            CURRENT.remove();
        }
    }

    /** Helidon's handling of a connection. */
    @FunctionalInterface
    interface ConnectionWork<E extends Exception> {
        void run() throws E;
    }

    /** A request's handler begins on the current thread. */
    synchronized void requestStarted() {
        requestThread = Thread.currentThread();
        requestStartedNanos = System.nanoTime();
        gone = false;
    }

    /**
     * The handler has ended; from now on the thread is not interrupted for this request.
     *
     * @return whether the client left while it ran (its thread may have been interrupted)
     */
    synchronized boolean requestEnded() {
        requestStartedNanos = 0;
        requestThread = null;
        // A read ahead goes on: Helidon's next read takes it over.
        listening = false;
        return gone;
    }

    /** Whether the client left during the last request. */
    synchronized boolean clientGone() {
        return gone;
    }

    /**
     * Called by the connections' watchdog: starts listening on the socket of a request that has
     * run for {@code afterNanos}, and interrupts its thread once the client is seen gone.
     */
    synchronized void check(long now, long afterNanos) {
        if (requestStartedNanos == 0 || gone || now - requestStartedNanos < afterNanos) {
            return;
        }
        if (!listening) {
            // Never while the handler may still read the body: two readers would split its bytes.
            if (framing.requestFullyRead()) {
                socket.listen();
                listening = true;
            }
            return;
        }
        if (socket.clientGone()) {
            gone = true;
            requestThread.interrupt();
        }
    }
}

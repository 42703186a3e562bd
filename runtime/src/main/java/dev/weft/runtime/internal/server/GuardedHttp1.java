package dev.weft.runtime.internal.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.common.task.InterruptableTask;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Weft's HTTP/1 connections: Helidon's, reading through a {@link FramingGuard}, closed when a
 * request head takes longer than the head timeout, and with a {@link ClientWatch} that notices a
 * client leaving while its request runs long. Registered before Helidon's own selector, it takes
 * every connection. One watchdog thread looks after all of them.
 */
final class GuardedHttp1 implements ServerConnectionSelector, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("weft.server");

    private final Http1ConnectionSelector delegate;
    private final long headTimeoutNanos;
    private final long clientCheckAfterNanos;
    private final Set<Guarded> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog;

    /**
     * @param headTimeout how long a request head may take to arrive; zero for no limit
     * @param clientCheckAfter how long a request runs before the watchdog checks that its client is
     *     still there; zero for never
     */
    GuardedHttp1(Http1Config config, Duration headTimeout, Duration clientCheckAfter) {
        this.delegate = Http1ConnectionSelector.builder().config(config).build();
        this.headTimeoutNanos = headTimeout.toNanos();
        this.clientCheckAfterNanos = clientCheckAfter.toNanos();
        if (headTimeout.isZero() && clientCheckAfter.isZero()) {
            this.watchdog = null;
        } else {
            this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                    .name("weft-connections").daemon().factory());
            long period = Math.min(periodFor(headTimeout), periodFor(clientCheckAfter));
            watchdog.scheduleAtFixedRate(this::watch, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** A quarter of the time watched for, within 0.1 s and 1 s; no bound on the period for a zero (unwatched) time. */
    private static long periodFor(Duration watched) {
        return watched.isZero() ? Long.MAX_VALUE : Math.clamp(watched.toMillis() / 4, 100, 1000);
    }

    private void watch() {
        if (headTimeoutNanos > 0) {
            expireSlowHeads();
        }
        if (clientCheckAfterNanos > 0) {
            long now = System.nanoTime();
            for (Guarded connection : connections) {
                try {
                    connection.client.check(now, clientCheckAfterNanos);
                } catch (RuntimeException e) {
                    LOG.log(Level.DEBUG, "checking a connection's client failed", e);
                }
            }
        }
    }

    int openConnections() {
        return connections.size();
    }

    private void expireSlowHeads() {
        long now = System.nanoTime();
        for (Guarded connection : connections) {
            if (connection.guard.headAgeNanos(now) > headTimeoutNanos) {
                connections.remove(connection);
                connection.guard.expire();
                try {
                    connection.ctx.serverSocket().close();
                } catch (RuntimeException e) {
                    LOG.log(Level.DEBUG, "closing a connection whose head timed out failed", e);
                }
            }
        }
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    /**
     * Every connection: Weft serves HTTP/1 alone, so whatever arrives is for Helidon's HTTP/1
     * parser to answer, with 400 for garbage, 414 for a target too long, 505 for HTTP/1.0.
     * (Helidon's own selector would leave those unclaimed, and the connection closed unanswered.)
     */
    @Override
    public Support supports(BufferData request) {
        return Support.SUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return delegate.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        SocketReads socket = new SocketReads(ctx.dataReader());
        FramingGuard guard = new FramingGuard(socket);
        DataReader reader = DataReader.create(guard);
        Guarded connection = new Guarded(ctx, guard, new ClientWatch(socket, guard));
        connection.connection = delegate.connection(new GuardedContext(ctx, reader));
        connections.add(connection);
        return connection;
    }

    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
    }

    /** Helidon's connection, forgotten by the watchdog when it ends; its requests are handled on the thread that runs {@link #handle}. */
    private final class Guarded implements ServerConnection, InterruptableTask<Void> {
        private final ConnectionContext ctx;
        private final FramingGuard guard;
        private final ClientWatch client;
        private ServerConnection connection;

        Guarded(ConnectionContext ctx, FramingGuard guard, ClientWatch client) {
            this.ctx = ctx;
            this.guard = guard;
            this.client = client;
        }

        @Override
        public void handle(Limit limit) throws InterruptedException {
            try {
                client.runOnThisThread(() -> connection.handle(limit));
            } finally {
                connections.remove(this);
            }
        }

        @Override
        public Duration idleTime() {
            return connection.idleTime();
        }

        @Override
        public void close(boolean interrupt) {
            connection.close(interrupt);
        }

        @Override
        public boolean canInterrupt() {
            return connection instanceof InterruptableTask<?> task && task.canInterrupt();
        }
    }

    /** The connection's context with the guarded reader. */
    private record GuardedContext(ConnectionContext ctx, DataReader reader) implements ConnectionContext {
        @Override
        public DataReader dataReader() {
            return reader;
        }

        @Override
        public ListenerContext listenerContext() {
            return ctx.listenerContext();
        }

        @Override
        public ExecutorService executor() {
            return ctx.executor();
        }

        @Override
        public DataWriter dataWriter() {
            return ctx.dataWriter();
        }

        @Override
        public Router router() {
            return ctx.router();
        }

        @Override
        public Optional<ProxyProtocolData> proxyProtocolData() {
            return ctx.proxyProtocolData();
        }

        @Override
        public HelidonSocket serverSocket() {
            return ctx.serverSocket();
        }

        @Override
        public PeerInfo remotePeer() {
            return ctx.remotePeer();
        }

        @Override
        public PeerInfo localPeer() {
            return ctx.localPeer();
        }

        @Override
        public boolean isSecure() {
            return ctx.isSecure();
        }

        @Override
        public String socketId() {
            return ctx.socketId();
        }

        @Override
        public String childSocketId() {
            return ctx.childSocketId();
        }
    }
}

package dev.weft.runtime.internal.server;

import dev.weft.runtime.internal.data.DataSourceRegistry;
import dev.weft.runtime.internal.http.Router;
import dev.weft.runtime.internal.wasm.ModuleRegistry;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts Helidon's WebServer with one handler, the {@link HttpDispatcher}, and stops it on request
 * or on SIGTERM. Kept apart from the public {@code WeftServer} so that Helidon stays an
 * implementation detail of the runtime.
 */
public final class ServerRuntime {

    private static final System.Logger LOG = System.getLogger("weft.server");
    private static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(10);

    private final WebServer server;
    private final ModuleRegistry modules;
    private final DataSourceRegistry dataSources;
    private final GuardedHttp1 http1;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stopOnSignal, "weft-shutdown");

    private ServerRuntime(WebServer server, ModuleRegistry modules, DataSourceRegistry dataSources, GuardedHttp1 http1) {
        this.server = server;
        this.modules = modules;
        this.dataSources = dataSources;
        this.http1 = http1;
    }

    /** Builds the route table and the server's chain, and starts listening. */
    public static ServerRuntime start(ServerPlan plan) {
        long started = System.nanoTime();
        Config config = plan.config();
        ModuleRegistry modules = plan.modules();
        DataSourceRegistry dataSources = plan.dataSources();
        RequestPipeline pipeline = RequestPipeline.of(plan);
        ServerSettings settings = pipeline.settings();
        Router router = pipeline.router();
        Config serverConfig = config.get("server");
        ConnectionLimits limits = ConnectionLimits.from(config);
        GuardedHttp1 http1 = new GuardedHttp1(
                Http1Config.builder().config(serverConfig.get("protocols.http_1_1")).build(), limits.headTimeout(),
                limits.clientCheckAfter());
        WebServer server = WebServer.builder()
                .config(serverConfig)
                .maxTcpConnections(limits.maxConnections())
                .idleConnectionTimeout(limits.idleTimeout())
                .idleConnectionPeriod(limits.idlePeriod())
                // first: every HTTP/1 connection reads through Weft's framing checks
                .addConnectionSelector(http1)
                // Weft's own hook stops the server first and then the modules, in that order.
                .shutdownHook(false)
                .shutdownGracePeriod(serverConfig.get("shutdown-grace-period").as(Duration.class).orElse(DEFAULT_GRACE_PERIOD))
                .routing(HttpRouting.builder().any(
                        new HttpDispatcher(pipeline.chain(), pipeline.requestIds(), pipeline.metrics(), settings.accessLog())))
                .directHandlers(ProblemDirectHandler.forEveryEvent(pipeline.requestIds()))
                .build()
                .start();
        String host = serverConfig.get("host").asString().orElse("0.0.0.0");
        if (!server.isRunning()) {
            // Helidon logs why its listener could not bind and returns a server that is not
            // running; left alone, main would return and the process exit 0 with nothing listening.
            server.stop();
            http1.close();
            throw new IllegalStateException("Weft cannot listen on " + host + ":"
                    + serverConfig.get("port").asString().orElse("0")
                    + " (the port is in use or not allowed; see the error above); choose another with server.port or SERVER_PORT");
        }

        // Listening first; the modules' first instances follow in the background.
        modules.checkMemoryBudget(Runtime.getRuntime().maxMemory());
        modules.prestart();
        ServerRuntime runtime = new ServerRuntime(server, modules, dataSources, http1);
        Runtime.getRuntime().addShutdownHook(runtime.shutdownHook);
        if (limits.exitOnListenerFailure()) {
            ListenerFailure.exitWhenListenerDies(runtime.stopped);
        }
        LOG.log(Level.INFO, "Weft started on http://{0}:{1,number,#} in {2,number,#} ms: {3} routes, {4} wasm modules; "
                        + "at most {5,number,#} connections, request heads within {6}",
                host, server.port(),
                (System.nanoTime() - started) / 1_000_000, router.routes().size(), modules.hosts().size(),
                limits.maxConnections(), limits.headTimeout());
        return runtime;
    }

    public int port() {
        return server.port();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            server.stop();
            http1.close();
            modules.close();
            dataSources.close();
            LOG.log(Level.INFO, "Weft stopped");
            ShutdownSafeLogManager.flush();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // stop() was called from the hook itself
            }
        }
    }

    private void stopOnSignal() {
        LOG.log(Level.INFO, "Weft stopping: finishing requests in flight");
        stop();
    }
}

package dev.weft.runtime.internal.server;

import dev.weft.runtime.generated.Route;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.internal.http.Router;
import dev.weft.runtime.internal.metrics.HttpMetrics;
import dev.weft.runtime.internal.metrics.WeftMetrics;
import dev.weft.runtime.internal.middleware.AccessLog;
import dev.weft.runtime.internal.middleware.BodyLimit;
import dev.weft.runtime.internal.middleware.ErrorHandling;
import dev.weft.runtime.internal.middleware.HandlerTimeout;
import dev.weft.runtime.internal.middleware.RequestIds;
import dev.weft.runtime.middleware.Middleware;
import dev.weft.runtime.internal.wasm.ModuleRegistry;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final GuardedHttp1 http1;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stopOnSignal, "weft-shutdown");

    private ServerRuntime(WebServer server, ModuleRegistry modules, GuardedHttp1 http1) {
        this.server = server;
        this.modules = modules;
        this.http1 = http1;
    }

    /**
     * Builds the route table and the server's chain, and starts listening.
     *
     * @param middleware the application's global middleware, innermost last
     * @param errorStatuses exception types answered with a status of their own
     */
    public static ServerRuntime start(Config config, List<Route> routes, List<Middleware> middleware,
            Map<Class<? extends Throwable>, Integer> errorStatuses, ModuleRegistry modules) {
        long started = System.nanoTime();
        List<Route> table = new ArrayList<>(routes);
        ServerSettings settings = ServerSettings.from(config);
        table.addAll(new HealthRoutes(modules, settings.healthDetails(), settings.healthDetailsRole()).routes());
        Router router = Router.of(table);
        RequestIds requestIds = new RequestIds(settings.requestIdHeader());
        HttpMetrics metrics = new HttpMetrics(WeftMetrics.registry());
        RouteHandler chain = Middleware.chain(chain(settings, metrics, requestIds, middleware, errorStatuses), router::dispatch);

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
                .routing(HttpRouting.builder().any(new HttpDispatcher(chain, requestIds, metrics, settings.accessLog())))
                .directHandlers(ProblemDirectHandler.forEveryEvent(requestIds))
                .build()
                .start();

        // Listening first; the modules' first instances follow in the background.
        modules.checkMemoryBudget(Runtime.getRuntime().maxMemory());
        modules.prestart();
        ServerRuntime runtime = new ServerRuntime(server, modules, http1);
        Runtime.getRuntime().addShutdownHook(runtime.shutdownHook);
        if (limits.exitOnListenerFailure()) {
            ListenerFailure.exitWhenListenerDies(runtime.stopped);
        }
        LOG.log(Level.INFO, "Weft started on http://{0}:{1,number,#} in {2,number,#} ms: {3} routes, {4} wasm modules; "
                        + "at most {5,number,#} connections, request heads within {6}",
                serverConfig.get("host").asString().orElse("0.0.0.0"), server.port(),
                (System.nanoTime() - started) / 1_000_000, router.routes().size(), modules.hosts().size(),
                limits.maxConnections(), limits.headTimeout());
        return runtime;
    }

    /**
     * The server's own middleware, outermost first: HTTP metrics, the request id (so that every
     * answer has one), the access log (so that it sees every final status), CORS, error rendering, the
     * stop of requests whose client left, the body limit, the handler timeout, authentication, and then the application's own.
     */
    private static List<Middleware> chain(ServerSettings settings, HttpMetrics metrics, RequestIds requestIds,
            List<Middleware> application, Map<Class<? extends Throwable>, Integer> errorStatuses) {
        List<Middleware> chain = new ArrayList<>();
        chain.add(metrics);
        chain.add(requestIds);
        if (settings.accessLog()) {
            chain.add(new AccessLog());
        }
        if (settings.cors() != null) {
            chain.add(settings.cors());
        }
        chain.add(new ErrorHandling(errorStatuses));
        chain.add(new AbandonedRequests());
        chain.add(new BodyLimit(settings.maxBodySize()));
        if (!settings.handlerTimeout().isZero()) {
            chain.add(new HandlerTimeout(settings.handlerTimeout()));
        }
        if (settings.authentication() != null) {
            chain.add(settings.authentication());
        }
        chain.addAll(application);
        return chain;
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

package dev.weft.runtime.server;

import dev.weft.runtime.ShutdownSafeLogManager;
import dev.weft.runtime.http.Route;
import dev.weft.runtime.http.Router;
import dev.weft.runtime.wasm.WasmModules;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private final WasmModules modules;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stopOnSignal, "weft-shutdown");

    private ServerRuntime(WebServer server, WasmModules modules) {
        this.server = server;
        this.modules = modules;
    }

    public static ServerRuntime start(Config config, List<Route> routes, WasmModules modules) {
        long started = System.nanoTime();
        List<Route> table = new ArrayList<>(routes);
        table.addAll(new HealthRoutes(modules).routes());
        Router router = Router.of(table);

        Config serverConfig = config.get("server");
        WebServer server = WebServer.builder()
                .config(serverConfig)
                // Weft's own hook stops the server first and then the modules, in that order.
                .shutdownHook(false)
                .shutdownGracePeriod(serverConfig.get("shutdown-grace-period").as(Duration.class).orElse(DEFAULT_GRACE_PERIOD))
                .routing(HttpRouting.builder().any(new HttpDispatcher(router)))
                .build()
                .start();

        ServerRuntime runtime = new ServerRuntime(server, modules);
        Runtime.getRuntime().addShutdownHook(runtime.shutdownHook);
        LOG.log(Level.INFO, "Weft started on http://{0}:{1,number,#} in {2} ms: {3} routes, {4} wasm modules",
                serverConfig.get("host").asString().orElse("0.0.0.0"), server.port(),
                (System.nanoTime() - started) / 1_000_000, router.routes().size(), modules.hosts().size());
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

package dev.weft.runtime;

import dev.weft.runtime.generated.Route;
import dev.weft.runtime.generated.RouteGroup;
import dev.weft.runtime.data.DatabaseException;
import dev.weft.runtime.data.Databases;
import dev.weft.runtime.internal.compute.ComputeThreads;
import dev.weft.runtime.internal.data.DataSourceRegistry;
import dev.weft.runtime.internal.server.ServerPlan;
import dev.weft.runtime.internal.server.ServerRuntime;
import dev.weft.runtime.internal.wasm.ModuleRegistry;
import dev.weft.runtime.middleware.Middleware;
import dev.weft.runtime.wasm.WasmModules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Weft HTTP server: the generated route groups of an application, served by Helidon's
 * WebServer on virtual threads.
 *
 * <pre>{@code
 * WeftServer.Builder server = WeftServer.builder(WeftConfig.load());
 * WasmModules modules = server.modules();
 * server.routes(new GreetingApiRoutes(new Greetings(modules)))
 *         .start();
 * }</pre>
 *
 * <p>The server owns the application's wasm modules: it creates them from its configuration,
 * reports them in {@code /health} and {@code /metrics}, and releases them when it stops.
 * {@code server.host} and {@code server.port} (and every other Helidon listener setting under
 * {@code server}) come from the configuration; port 0 picks a free port. A SIGTERM stops the server
 * gracefully: it stops accepting connections, lets requests in flight finish within
 * {@code server.shutdown-grace-period} (default 10 seconds), then releases the modules.
 */
public final class WeftServer {

    static {
        // The testing kit runs a builder's routes without a socket; it reads them through this.
        ServerPlan.reader(Builder::plan);
    }

    private final ServerRuntime runtime;

    private WeftServer(ServerRuntime runtime) {
        this.runtime = runtime;
    }

    public static Builder builder(WeftConfig config) {
        return new Builder(config);
    }

    /** The port the server listens on. */
    public int port() {
        return runtime.port();
    }

    public boolean isRunning() {
        return runtime.isRunning();
    }

    /** Stops the server gracefully and releases the modules. */
    public void stop() {
        runtime.stop();
    }

    /** Collects route groups and settings, then starts the server. */
    public static final class Builder {

        private final WeftConfig config;
        private final ModuleRegistry modules;
        private final DataSourceRegistry dataSources;
        private final List<Route> routes = new ArrayList<>();
        private final List<Middleware> middleware = new ArrayList<>();
        private final Map<Class<? extends Throwable>, Integer> errorStatuses = new LinkedHashMap<>();

        private Builder(WeftConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            this.dataSources = new DataSourceRegistry(config.helidon());
            this.modules = new ModuleRegistry(config.helidon(), dataSources);
        }

        /**
         * The server's data sources ({@code weft.datasources.<name>}) and key-value stores
         * ({@code weft.kv-stores.<name>}), for Java handlers: the server connects and migrates them
         * before it listens, reports them in {@code /health} and {@code /metrics}, and closes them
         * when it stops.
         */
        public Databases dataSources() {
            return dataSources;
        }

        /**
         * The server's wasm modules, for the generated {@code <Interface>Wasm} classes: each module
         * a route group binds is configured, started, reported and released by this server.
         */
        public WasmModules modules() {
            return modules;
        }

        /** The routes of a generated {@code <Interface>Routes} class. */
        public Builder routes(RouteGroup group) {
            routes.addAll(group.routes());
            return this;
        }

        /**
         * Middleware around every request, after the server's own (request id, access log, CORS,
         * errors, limits, authentication) and before routing; in the order of the calls.
         */
        public Builder use(Middleware middleware) {
            this.middleware.add(Objects.requireNonNull(middleware, "middleware"));
            return this;
        }

        /**
         * Answers an exception of this type (or a subtype) with {@code status} and its message as
         * the problem's detail, instead of a 500.
         */
        public Builder errorStatus(Class<? extends Throwable> type, int status) {
            errorStatuses.put(Objects.requireNonNull(type, "type"), status);
            return this;
        }

        /**
         * Builds the route table and starts listening; fails if two routes collide. If the server
         * cannot start, its modules are released before this throws.
         */
        public WeftServer start() {
            try {
                io.helidon.config.Config compute = config.helidon().get("weft.compute");
                ComputeThreads.configure(
                        compute.get("max-concurrency").asInt().orElse(Runtime.getRuntime().availableProcessors()),
                        compute.get("acquire-timeout").as(java.time.Duration.class).orElse(java.time.Duration.ofSeconds(5)));
                // Before listening: a database that is unreachable or a migration that fails stops
                // start-up, rather than leaving a server up that cannot answer.
                dataSources.open();
                return new WeftServer(ServerRuntime.start(plan()));
            } catch (DatabaseException e) {
                modules.close();
                dataSources.close();
                System.getLogger("weft.server").log(System.Logger.Level.ERROR, "Weft did not start: " + e.getMessage());
                throw e;
            } catch (RuntimeException | Error e) {
                modules.close();
                dataSources.close();
                throw e;
            }
        }

        private ServerPlan plan() {
            return new ServerPlan(config.helidon(), routes, middleware, errorStatuses, modules, dataSources);
        }
    }
}

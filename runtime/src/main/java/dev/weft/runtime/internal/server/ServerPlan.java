package dev.weft.runtime.internal.server;

import dev.weft.runtime.WeftServer;
import dev.weft.runtime.generated.Route;
import dev.weft.runtime.internal.data.DataSourceRegistry;
import dev.weft.runtime.internal.wasm.ModuleRegistry;
import dev.weft.runtime.middleware.Middleware;
import io.helidon.config.Config;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a {@link WeftServer.Builder} collected: the configuration, routes, middleware, error
 * statuses, modules and data sources. The server starts from it; the testing kit runs it without a socket.
 */
public record ServerPlan(Config config, List<Route> routes, List<Middleware> middleware,
        Map<Class<? extends Throwable>, Integer> errorStatuses, ModuleRegistry modules,
        DataSourceRegistry dataSources) implements AutoCloseable {

    /**
     * Reads a builder's plan. The builder is public API and keeps its fields private; WeftServer
     * hands this reader over when its class is initialised, which happens before any builder exists.
     */
    private static volatile Function<WeftServer.Builder, ServerPlan> reader;

    public ServerPlan {
        routes = List.copyOf(routes);
        middleware = List.copyOf(middleware);
        errorStatuses = Map.copyOf(errorStatuses);
    }

    /** Called once, by WeftServer. */
    public static void reader(Function<WeftServer.Builder, ServerPlan> builderReader) {
        reader = Objects.requireNonNull(builderReader, "builderReader");
    }

    /** Connects and migrates the data sources, as the server does before it listens. */
    public void openDataSources() {
        dataSources.open();
    }

    /**
     * Releases the modules and data sources: for a plan that ran without a server, which would have
     * released them.
     */
    @Override
    public void close() {
        modules.close();
        dataSources.close();
    }

    /** The plan of a builder, as its {@code start()} would run it. */
    public static ServerPlan of(WeftServer.Builder builder) {
        return reader.apply(Objects.requireNonNull(builder, "builder"));
    }
}

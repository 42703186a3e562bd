package dev.weft.example;

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;
import dev.weft.runtime.data.DatabaseException;
import dev.weft.runtime.wasm.WasmModules;

/**
 * Starts the example server: each route group is generated from an annotated interface and given
 * its implementation, Java or wasm.
 */
public final class ExampleApplication {

    private ExampleApplication() {}

    public static void main(String[] args) {
        java.util.Map<String, String> defaults = new java.util.LinkedHashMap<>(ExampleSecurity.fromEnvironment(System.getenv()));
        defaults.putAll(ExampleData.fromEnvironment(System.getenv()));
        WeftConfig config = WeftConfig.load(defaults);
        ExampleSecurity.warnIfUnset(System.getenv());
        try {
            configure(config).start();
        } catch (DatabaseException e) {
            // Already logged in one line by the server; no stack trace, and a status a supervisor sees.
            System.exit(1);
        }
    }

    /**
     * The example's server, ready to start: what {@code main} runs, and what the tests run in
     * process ({@code RouteTester.of(configure(config))}) or on a free port
     * ({@code @WeftServerTest(application = ExampleApplication.class)}).
     */
    public static WeftServer.Builder configure(WeftConfig config) {
        WeftServer.Builder server = WeftServer.builder(config);
        WasmModules modules = server.modules();
        OrderService orders = new OrderService(modules, server.dataSources());
        return server.use(ServerTiming.named("total"))
                .errorStatus(OrderService.OrderNotFoundException.class, 404)
                .routes(new MatmulApiRoutes(new MatmulService(modules)))
                .routes(new GreetingApiRoutes(new GreetingService()))
                .routes(new BenchmarkApiRoutes(new BenchmarkService(modules)))
                .routes(new EchoApiRoutes(new EchoApiWasm(modules)))
                .routes(new StatsApiRoutes(new StatsApiWasm(modules)))
                .routes(new AccountApiRoutes(new AccountService(modules)))
                .routes(new OrdersApiRoutes(orders))
                .routes(new AdminApiRoutes(new AdminService(orders)))
                .routes(new FaultsApiRoutes(new FaultsService(modules)))
                .routes(new SandboxApiRoutes(new SandboxApiWasm(modules)))
                .routes(new DataProbeApiRoutes(new DataProbeApiWasm(modules)))
                .routes(new DocsApiRoutes(new DocsService()));
    }
}

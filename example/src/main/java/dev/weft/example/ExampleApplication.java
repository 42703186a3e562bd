package dev.weft.example;

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;
import dev.weft.runtime.wasm.WasmModules;

/**
 * Starts the example server: each route group is generated from an annotated interface and given
 * its implementation, Java or wasm.
 */
public final class ExampleApplication {

    private ExampleApplication() {}

    public static void main(String[] args) {
        WeftConfig config = WeftConfig.load(ExampleSecurity.fromEnvironment(System.getenv()));
        ExampleSecurity.warnIfUnset(System.getenv());
        WeftServer.Builder server = WeftServer.builder(config);
        WasmModules modules = server.modules();
        OrderService orders = new OrderService();
        server.use(ServerTiming.named("total"))
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
                .routes(new DocsApiRoutes(new DocsService()))
                .start();
    }
}

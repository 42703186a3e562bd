package dev.weft.test;

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;
import dev.weft.runtime.generated.RouteGroup;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.internal.http.CurrentRequest;
import dev.weft.runtime.internal.server.RequestPipeline;
import dev.weft.runtime.internal.server.ServerPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Calls an application's routes in process, without a socket: each request goes through what the
 * server would run after reading it (its own middleware, the application's, the router, the
 * generated handler, Java or wasm) and comes back as a {@link TestResponse}.
 *
 * <pre>{@code
 * // Java routes alone, every setting at its default:
 * try (RouteTester routes = RouteTester.of(new GreetingApiRoutes(new GreetingService()))) {
 *     assertEquals("Hello, Ada!", routes.get("/hello/Ada").send().text());
 * }
 *
 * // The application's whole server, wasm modules included, as its configure method builds it:
 * try (RouteTester routes = RouteTester.of(MyApplication.configure(WeftConfig.empty()))) {
 *     assertEquals(200, routes.post("/shout").text("hey").send().status());
 * }
 * }</pre>
 *
 * <p>Close it to release the wasm modules. The router, the problem bodies, the request id and the
 * body limit are the server's own; what happens on the wire (HTTP framing, connection limits,
 * the request head timeout) is not run: {@link WeftServerTest} covers it.
 */
public final class RouteTester implements AutoCloseable, TestRequests {

    private final RequestPipeline pipeline;
    private final ServerPlan plan;

    private RouteTester(ServerPlan plan) {
        this.plan = plan;
        this.pipeline = RequestPipeline.of(plan);
        // As the server does before it listens: connect and migrate the data sources.
        plan.openDataSources();
    }

    /** These route groups, with every setting at its default. */
    public static RouteTester of(RouteGroup... groups) {
        WeftServer.Builder server = WeftServer.builder(WeftConfig.empty());
        for (RouteGroup group : groups) {
            server.routes(group);
        }
        return of(server);
    }

    /**
     * What this builder would serve (routes, middleware, error statuses, wasm modules,
     * configuration), without starting it. The builder must not be started as well.
     */
    public static RouteTester of(WeftServer.Builder server) {
        return new RouteTester(ServerPlan.of(server));
    }

    @Override
    public TestRequest request(HttpMethod method, String target) {
        return new TestRequest(method, target, this::send);
    }

    private TestResponse send(TestRequest test) {
        InProcessRequest request = new InProcessRequest(Objects.requireNonNull(test, "request"));
        Response response;
        try {
            // The current request, as on the server: wasm host functions read it.
            response = CurrentRequest.with(request, () -> pipeline.chain().handle(request));
        } catch (Exception e) {
            // The chain renders every failure of a route as a problem response; this is Weft's own.
            throw new IllegalStateException(test + " failed outside the server's error handling", e);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : response.headers()) {
            headers.computeIfAbsent(header.getKey(), name -> new java.util.ArrayList<>()).add(header.getValue());
        }
        if (response.contentType() != null) {
            headers.put("Content-Type", List.of(response.contentType()));
        }
        return new TestResponse(response.status(), headers, response.body());
    }

    /** Releases the wasm modules. */
    @Override
    public void close() {
        plan.close();
    }
}

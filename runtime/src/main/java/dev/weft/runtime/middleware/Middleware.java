package dev.weft.runtime.middleware;

import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;

/**
 * Runs around a handler: before it, after it, or both, and may answer without calling it.
 *
 * <pre>{@code
 * public final class Timing implements Middleware {
 *     public Response handle(Request request, RouteHandler next) throws Exception {
 *         long started = System.nanoTime();
 *         Response response = next.handle(request);           // the rest of the chain
 *         return response.header("Server-Timing", "app;dur=" + (System.nanoTime() - started) / 1e6);
 *     }
 * }
 * }</pre>
 *
 * Declare it on an {@code @Api} interface or method with {@code @Use(Timing.class)}, or for every
 * route with {@code WeftServer.Builder.use}. One instance serves every request, concurrently: keep
 * per-request state in locals or request attributes.
 */
@FunctionalInterface
public interface Middleware {

    Response handle(Request request, RouteHandler next) throws Exception;

    /** The chain of {@code middleware}, in order, around {@code handler}; built once, not per request. */
    static RouteHandler chain(java.util.List<? extends Middleware> middleware, RouteHandler handler) {
        RouteHandler chained = handler;
        for (int i = middleware.size() - 1; i >= 0; i--) {
            Middleware outer = middleware.get(i);
            RouteHandler inner = chained;
            chained = request -> outer.handle(request, inner);
        }
        return chained;
    }
}

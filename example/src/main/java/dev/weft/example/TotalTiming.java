package dev.weft.example;

import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.middleware.Middleware;
import java.util.Locale;

/**
 * Global middleware, registered with {@code WeftServer.Builder.use}: adds a {@code Server-Timing}
 * entry {@code total} for routing, the route's own middleware and the handler together. It runs
 * outside every route's {@code @Use} classes, so on {@code /orders} its entry follows the
 * {@code app} entry of {@link ServerTiming}, and its duration includes it.
 */
public final class TotalTiming implements Middleware {

    @Override
    public Response handle(Request request, RouteHandler next) throws Exception {
        long started = System.nanoTime();
        Response response = next.handle(request);
        double millis = (System.nanoTime() - started) / 1e6;
        return response.header("Server-Timing", String.format(Locale.ROOT, "total;dur=%.3f", millis));
    }
}

package dev.weft.example;

import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.middleware.Middleware;
import java.util.Locale;

/**
 * An application's own middleware: tells the client, in a {@code Server-Timing} header, how long
 * the handler took. Declared with {@code @Use(ServerTiming.class)}.
 */
public final class ServerTiming implements Middleware {

    @Override
    public Response handle(Request request, RouteHandler next) throws Exception {
        long started = System.nanoTime();
        Response response = next.handle(request);
        double millis = (System.nanoTime() - started) / 1e6;
        return response.header("Server-Timing", String.format(Locale.ROOT, "app;dur=%.3f", millis));
    }
}

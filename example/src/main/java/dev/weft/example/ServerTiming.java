package dev.weft.example;

import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.middleware.Middleware;
import java.util.Locale;

/**
 * Tells the client, in a {@code Server-Timing} header entry, how long the rest of the chain took.
 * The example uses it twice: as a route's own middleware ({@code @Use(ServerTiming.class)} on
 * {@code OrdersApi}, entry {@code app}: the handler), and as global middleware registered with
 * {@code WeftServer.Builder.use(ServerTiming.named("total"))}, which runs outside every route's
 * {@code @Use} classes: its entry follows {@code app} and its duration includes it.
 */
public final class ServerTiming implements Middleware {

    private final String entry;

    /** The entry {@code app}; the constructor {@code @Use} calls. */
    public ServerTiming() {
        this("app");
    }

    private ServerTiming(String entry) {
        this.entry = entry;
    }

    /** Timing under another entry name. */
    public static ServerTiming named(String entry) {
        return new ServerTiming(entry);
    }

    @Override
    public Response handle(Request request, RouteHandler next) throws Exception {
        long started = System.nanoTime();
        Response response = next.handle(request);
        double millis = (System.nanoTime() - started) / 1e6;
        return response.header("Server-Timing", String.format(Locale.ROOT, "%s;dur=%.3f", entry, millis));
    }
}

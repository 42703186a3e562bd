package dev.weft.runtime.internal.metrics;

import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.middleware.Middleware;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code http_server_requests_seconds}: count and duration of requests by method, route template
 * (so that path variables do not multiply the series), and status.
 */
public final class HttpMetrics implements Middleware {

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response handle(Request request, RouteHandler next) throws Exception {
        long started = System.nanoTime();
        Response response = next.handle(request);
        record(request.method().name(), request.routeTemplate() == null ? "NOT_FOUND" : request.routeTemplate(),
                response.status(), System.nanoTime() - started);
        return response;
    }

    /** One request's count and duration, for those answered outside the chain (an unknown method). */
    public void record(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}

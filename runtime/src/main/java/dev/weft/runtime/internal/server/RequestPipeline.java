package dev.weft.runtime.internal.server;

import dev.weft.runtime.generated.Route;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.internal.http.Router;
import dev.weft.runtime.internal.metrics.HttpMetrics;
import dev.weft.runtime.internal.metrics.WeftMetrics;
import dev.weft.runtime.internal.middleware.AccessLog;
import dev.weft.runtime.internal.middleware.BodyLimit;
import dev.weft.runtime.internal.middleware.ErrorHandling;
import dev.weft.runtime.internal.middleware.HandlerTimeout;
import dev.weft.runtime.internal.middleware.RequestIds;
import dev.weft.runtime.middleware.Middleware;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a request goes through once it is read: the server's own middleware, the
 * application's, then the router over the application's routes and the server's {@code /health}
 * and {@code /metrics}. Helidon feeds it from a socket; the testing kit feeds it test requests.
 */
public record RequestPipeline(RouteHandler chain, Router router, RequestIds requestIds, HttpMetrics metrics,
        ServerSettings settings) {

    /** Builds the route table (failing if two routes collide) and the chain around it. */
    public static RequestPipeline of(ServerPlan plan) {
        List<Route> table = new ArrayList<>(plan.routes());
        ServerSettings settings = ServerSettings.from(plan.config());
        table.addAll(new HealthRoutes(plan.modules(), plan.dataSources(), settings.healthDetails(), settings.healthDetailsRole()).routes());
        if (settings.openApi()) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            table.addAll(OpenApiRoute.fromClassPath(loader != null ? loader : RequestPipeline.class.getClassLoader()));
        }
        Router router = Router.of(table);
        RequestIds requestIds = new RequestIds(settings.requestIdHeader());
        HttpMetrics metrics = new HttpMetrics(WeftMetrics.registry());
        RouteHandler chain = Middleware.chain(
                chain(settings, metrics, requestIds, plan.middleware(), plan.errorStatuses()), router::dispatch);
        return new RequestPipeline(chain, router, requestIds, metrics, settings);
    }

    /**
     * The server's own middleware, outermost first: HTTP metrics, the request id (so that every
     * answer has one), the access log (so that it sees every final status), CORS, error rendering, the
     * stop of requests whose client left, the body limit, the handler timeout, authentication, and
     * then the application's own.
     */
    private static List<Middleware> chain(ServerSettings settings, HttpMetrics metrics, RequestIds requestIds,
            List<Middleware> application, Map<Class<? extends Throwable>, Integer> errorStatuses) {
        List<Middleware> chain = new ArrayList<>();
        chain.add(metrics);
        chain.add(requestIds);
        if (settings.accessLog()) {
            chain.add(new AccessLog());
        }
        if (settings.cors() != null) {
            chain.add(settings.cors());
        }
        chain.add(new ErrorHandling(errorStatuses));
        chain.add(new AbandonedRequests());
        chain.add(new BodyLimit(settings.maxBodySize()));
        if (!settings.handlerTimeout().isZero()) {
            chain.add(new HandlerTimeout(settings.handlerTimeout()));
        }
        if (settings.authentication() != null) {
            chain.add(settings.authentication());
        }
        chain.addAll(application);
        return chain;
    }
}

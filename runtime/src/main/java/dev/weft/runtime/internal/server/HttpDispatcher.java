package dev.weft.runtime.internal.server;

import dev.weft.runtime.internal.http.CurrentRequest;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.internal.http.Problem;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.internal.metrics.HttpMetrics;
import dev.weft.runtime.internal.middleware.AccessLog;
import dev.weft.runtime.internal.middleware.RequestIds;
import dev.weft.runtime.internal.middleware.StackTraceBudget;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * The one Helidon handler of a Weft server: adapts the request, runs the server's chain (built-in
 * and global middleware, then the router), and writes the response, unless the client has left
 * meanwhile. The chain renders failures itself; this class only guards against a failure of the chain.
 */
final class HttpDispatcher implements Handler {

    private static final System.Logger LOG = System.getLogger(HttpDispatcher.class.getName());

    private final RouteHandler chain;
    private final RequestIds requestIds;
    private final HttpMetrics metrics;
    private final boolean accessLog;

    HttpDispatcher(RouteHandler chain, RequestIds requestIds, HttpMetrics metrics, boolean accessLog) {
        this.chain = chain;
        this.requestIds = requestIds;
        this.metrics = metrics;
        this.accessLog = accessLog;
    }

    @Override
    public void handle(ServerRequest serverRequest, ServerResponse serverResponse) {
        String rawPath = serverRequest.path().rawPath();
        String methodName = serverRequest.prologue().method().text();
        HttpMethod method = HttpMethod.find(methodName).orElse(null);
        Response response;
        if (method == null) {
            // No Weft request can carry an unknown method, so the chain never sees this one: it gets
            // its id, its metrics (as method OTHER, so that a client's names do not add series) and
            // its access log line here.
            long started = System.nanoTime();
            String id = requestIds.idFor(serverRequest.headers().first(HeaderNames.create(requestIds.header())).orElse(null));
            String shown = methodName.length() > 32 ? methodName.substring(0, 32) + "..." : methodName;
            response = Problem.of(new HttpException(501, "method " + shown + " is not implemented"), rawPath, id)
                    .header(requestIds.header(), id);
            long nanos = System.nanoTime() - started;
            metrics.record("OTHER", "NOT_IMPLEMENTED", 501, nanos);
            if (accessLog) {
                AccessLog.log(shown, null, rawPath, 501, nanos / 1e6, id);
            }
        } else {
            HelidonRequest request = new HelidonRequest(serverRequest, method);
            try {
                response = CurrentRequest.with(request, () -> chain.handle(request));
            } catch (Exception | Error e) {
                if (StackTraceBudget.SERVER.take()) {
                    LOG.log(Level.ERROR, methodName + " " + rawPath + " failed outside error handling", e);
                } else {
                    LOG.log(Level.ERROR, methodName + " " + rawPath + " failed outside error handling: " + e
                            + " (stack trace left out: over " + StackTraceBudget.PER_MINUTE + " a minute)");
                }
                response = Problem.internalError(request);
            }
            ClientWatch client = ClientWatch.current();
            if (client != null && client.clientGone()) {
                // Nobody reads an answer any more (AbandonedRequests logged and counted it): close.
                throw new CloseConnectionException("the client closed the connection during " + methodName + " " + rawPath);
            }
        }
        send(response, serverResponse);
    }

    private static void send(Response response, ServerResponse serverResponse) {
        serverResponse.status(Status.create(response.status()));
        for (Map.Entry<String, String> header : response.headers()) {
            // add, not set: a name may appear more than once (two middleware each add a Server-Timing).
            serverResponse.headers().add(HeaderNames.create(header.getKey()), header.getValue());
        }
        if (response.contentType() != null) {
            serverResponse.header(HeaderNames.CONTENT_TYPE, response.contentType());
        }
        serverResponse.send(response.body());
    }
}

package dev.weft.runtime.internal.server;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.middleware.Middleware;
import java.lang.System.Logger.Level;

/**
 * Marks the span in which a request's work may be stopped because its client left (see
 * {@link ClientWatch}), and turns such a request's outcome into one 499, the status nginx logs for
 * a client that closed its connection: one log line, counted in the metrics and the access log
 * under 499. Nothing is sent: the dispatcher closes the connection instead.
 */
final class AbandonedRequests implements Middleware {

    private static final System.Logger LOG = System.getLogger("weft.server");

    @Override
    public Response handle(Request request, RouteHandler next) throws Exception {
        ClientWatch client = ClientWatch.current();
        if (client == null) {
            return next.handle(request);
        }
        long started = System.nanoTime();
        client.requestStarted();
        Response response;
        try {
            response = next.handle(request);
        } catch (Exception | Error e) {
            if (client.requestEnded()) {
                throw abandoned(request, started);
            }
            throw e;
        }
        if (client.requestEnded()) {
            throw abandoned(request, started);
        }
        return response;
    }

    private static HttpException abandoned(Request request, long started) {
        // The interrupt was ours, and no more can come (the request has ended): the thread goes on clean.
        Thread.interrupted();
        LOG.log(Level.INFO, "{0} {1} (request {2}): the client closed the connection after {3,number,#} ms; its work was stopped",
                request.method(), request.rawPath(), request.requestId(), (System.nanoTime() - started) / 1_000_000);
        return new HttpException(499, "the client closed the connection before the answer");
    }
}

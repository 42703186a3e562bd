package dev.weft.runtime.internal.server;

import dev.weft.runtime.internal.http.CurrentRequest;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.internal.http.Problem;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.internal.middleware.RequestIds;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * The one Helidon handler of a Weft server: adapts the request, runs the server's chain (built-in
 * and global middleware, then the router), and writes the response. The chain renders failures
 * itself; this class only guards against a failure of the chain.
 */
final class HttpDispatcher implements Handler {

    private static final System.Logger LOG = System.getLogger(HttpDispatcher.class.getName());

    private final RouteHandler chain;
    private final RequestIds requestIds;

    HttpDispatcher(RouteHandler chain, RequestIds requestIds) {
        this.chain = chain;
        this.requestIds = requestIds;
    }

    @Override
    public void handle(ServerRequest serverRequest, ServerResponse serverResponse) {
        String rawPath = serverRequest.path().rawPath();
        String methodName = serverRequest.prologue().method().text();
        HttpMethod method = HttpMethod.find(methodName).orElse(null);
        Response response;
        if (method == null) {
            // No Weft request can carry an unknown method, so the chain never sees this one: it gets its id here.
            String id = requestIds.idFor(serverRequest.headers().first(HeaderNames.create(requestIds.header())).orElse(null));
            response = Problem.of(new HttpException(501, "method " + methodName + " is not implemented"), rawPath, id)
                    .header(requestIds.header(), id);
        } else {
            HelidonRequest request = new HelidonRequest(serverRequest, method);
            try {
                response = CurrentRequest.with(request, () -> chain.handle(request));
            } catch (Exception | Error e) {
                LOG.log(Level.ERROR, methodName + " " + rawPath + " failed outside error handling", e);
                response = Problem.internalError(request);
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

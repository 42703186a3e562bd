package dev.weft.runtime.server;

import dev.weft.runtime.http.CurrentRequest;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Problem;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.Router;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * The one Helidon handler of a Weft server: adapts the request, lets the {@link Router} answer
 * it, and renders whatever went wrong as a problem response, so that no exception reaches the
 * client as a stack trace and no failure stops the server.
 */
final class HttpDispatcher implements Handler {

    private static final System.Logger LOG = System.getLogger(HttpDispatcher.class.getName());

    private final Router router;

    HttpDispatcher(Router router) {
        this.router = router;
    }

    @Override
    public void handle(ServerRequest serverRequest, ServerResponse serverResponse) {
        String rawPath = serverRequest.path().rawPath();
        Response response;
        HttpMethod method = HttpMethod.find(serverRequest.prologue().method().text()).orElse(null);
        if (method == null) {
            response = Problem.of(new HttpException(501, "method " + serverRequest.prologue().method().text()
                    + " is not implemented"), rawPath);
        } else {
            response = answer(new HelidonRequest(serverRequest, method), rawPath);
        }
        send(response, serverResponse);
    }

    private Response answer(HelidonRequest request, String rawPath) {
        try {
            return CurrentRequest.with(request, () -> router.dispatch(request));
        } catch (HttpException e) {
            if (e.status() >= 500) {
                LOG.log(Level.ERROR, request.method() + " " + rawPath + " failed: " + e.detail(), e);
            }
            return Problem.of(e, rawPath);
        } catch (Exception | StackOverflowError e) {
            LOG.log(Level.ERROR, request.method() + " " + rawPath + " failed", e);
            return Problem.internalError(rawPath);
        }
    }

    private static void send(Response response, ServerResponse serverResponse) {
        serverResponse.status(Status.create(response.status()));
        for (Map.Entry<String, String> header : response.headers()) {
            serverResponse.header(HeaderNames.create(header.getKey()), header.getValue());
        }
        if (response.contentType() != null) {
            serverResponse.header(HeaderNames.CONTENT_TYPE, response.contentType());
        }
        serverResponse.send(response.body());
    }
}

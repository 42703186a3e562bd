package dev.weft.runtime.internal.middleware;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.internal.http.Problem;
import dev.weft.runtime.middleware.Middleware;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns every failure below it into an RFC 9457 problem response. An {@link HttpException} keeps
 * its status and detail; an exception type mapped to a status answers with that status and the
 * exception's message; anything else, an {@link Error} included, is a 500 that tells the client nothing but the request id,
 * while the server log gets the whole stack trace.
 */
public final class ErrorHandling implements Middleware {

    private static final Logger LOG = System.getLogger("weft.errors");

    private final Map<Class<? extends Throwable>, Integer> statuses;

    /** @param statuses exception types answered with a status of their own, such as 404 or 409 */
    public ErrorHandling(Map<Class<? extends Throwable>, Integer> statuses) {
        statuses.values().forEach(status -> {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an exception maps to an error status, 400 to 599, not " + status);
            }
        });
        this.statuses = new LinkedHashMap<>(statuses);
    }

    @Override
    public Response handle(Request request, RouteHandler next) {
        try {
            return next.handle(request);
        } catch (HttpException e) {
            if (e.status() >= 500) {
                log(request, e);
            }
            return Problem.of(e, request);
        } catch (Throwable e) {
            // Errors too (an AssertionError, a LinkageError): otherwise the answer would skip the
            // request id header and the access log line that the middleware above this one add.
            Integer status = statusOf(e);
            if (status != null) {
                return Problem.of(new HttpException(status, e.getMessage() == null ? "" : e.getMessage()), request);
            }
            log(request, e);
            return Problem.internalError(request);
        }
    }

    /** The mapped status of the exception's class or its nearest mapped superclass. */
    private Integer statusOf(Throwable error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            Integer status = statuses.get(type);
            if (status != null) {
                return status;
            }
        }
        return null;
    }

    private static void log(Request request, Throwable error) {
        String id = request.requestId();
        LOG.log(Level.ERROR, request.method() + " " + request.rawPath() + " failed"
                + (id == null ? "" : " (request " + id + ")"), error);
    }
}

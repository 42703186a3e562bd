package dev.weft.runtime.internal.middleware;

import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.middleware.Middleware;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.Locale;

/**
 * One structured line per request on the logger {@code weft.access}, in logfmt:
 * {@code method=GET route=/orders/{id} path=/orders/7 status=200 duration_ms=0.412 request_id=…}.
 * The route is the matched template, so lines group by endpoint whatever the path variables.
 */
public final class AccessLog implements Middleware {

    private static final Logger LOG = System.getLogger("weft.access");

    @Override
    public Response handle(Request request, RouteHandler next) throws Exception {
        long started = System.nanoTime();
        Response response = next.handle(request);
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, line(request, response.status(), (System.nanoTime() - started) / 1e6));
        }
        return response;
    }

    static String line(Request request, int status, double millis) {
        return line(request.method().name(), request.routeTemplate(), request.rawPath(), status, millis, request.requestId());
    }

    /** The line of a request answered outside the chain (an unknown method, 501). */
    public static void log(String method, String route, String rawPath, int status, double millis, String id) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, line(method, route, rawPath, status, millis, id));
        }
    }

    private static String line(String method, String route, String rawPath, int status, double millis, String id) {
        StringBuilder line = new StringBuilder(160)
                .append("method=").append(quoted(method))
                .append(" route=").append(route == null ? "-" : quoted(route))
                .append(" path=").append(quoted(rawPath))
                .append(" status=").append(status)
                .append(" duration_ms=").append(String.format(Locale.ROOT, "%.3f", millis));
        if (id != null) {
            line.append(" request_id=").append(id);
        }
        return line.toString();
    }

    /** logfmt: bare when plain, else in double quotes with quotes and backslashes escaped. */
    private static String quoted(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c > '~') {
                return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
        }
        return value;
    }
}

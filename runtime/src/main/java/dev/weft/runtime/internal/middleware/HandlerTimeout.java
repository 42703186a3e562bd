package dev.weft.runtime.internal.middleware;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.internal.server.Deadline;
import dev.weft.runtime.middleware.Middleware;
import java.time.Duration;

/**
 * Bounds how long a handler may run: at the deadline the request's thread is interrupted and the
 * request answers 504. Wasm guests stop at their next loop back-edge, blocking calls at once; a
 * Java loop that never blocks or checks {@link Thread#interrupted()} runs on, and still answers
 * 504 when it ends.
 */
public final class HandlerTimeout implements Middleware {

    private final Duration timeout;

    public HandlerTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a handler timeout must be positive, not " + timeout);
        }
        this.timeout = timeout;
    }

    @Override
    public Response handle(Request request, RouteHandler next) throws Exception {
        Deadline deadline = Deadline.in(timeout);
        try (deadline) {
            Response response = next.handle(request);
            if (deadline.expired()) {
                throw timedOut();
            }
            return response;
        } catch (Exception | Error e) {
            if (deadline.expired()) {
                throw timedOut();
            }
            throw e;
        }
    }

    private HttpException timedOut() {
        return new HttpException(504, "the handler did not answer within " + timeout.toMillis() + " ms");
    }
}

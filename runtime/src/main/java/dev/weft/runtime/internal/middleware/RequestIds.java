package dev.weft.runtime.internal.middleware;

import dev.weft.runtime.http.Request;
import dev.weft.runtime.internal.http.ServerRequest;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.middleware.Middleware;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's, from the {@code X-Request-Id} header (or another one
 * configured), when it is reasonable, else a fresh one. The id goes back in the same response
 * header, into problem bodies, and into the access log, so one request can be followed end to end.
 */
public final class RequestIds implements Middleware {

    public static final String DEFAULT_HEADER = "X-Request-Id";

    /** Ids from clients are kept only when short and plain, so they are safe to log and echo. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final String header;

    public RequestIds(String header) {
        this.header = header;
    }

    @Override
    public Response handle(Request request, RouteHandler next) throws Exception {
        String id = idFor(request.header(header));
        ServerRequest.of(request).requestId(id);
        return next.handle(request).header(header, id);
    }

    /** The header that carries the id, both ways. */
    public String header() {
        return header;
    }

    /** The caller's id when it is acceptable, else a fresh one; for answers made outside the chain. */
    public String idFor(String given) {
        return given != null && ACCEPTABLE.matcher(given).matches() ? given : newId();
    }

    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}

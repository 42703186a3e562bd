package dev.weft.runtime.internal.middleware;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.internal.http.ServerRequest;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.middleware.Middleware;

/**
 * Refuses request bodies over a size with 413: at once when {@code Content-Length} announces one,
 * else when reading passes the limit. Default 1 MiB ({@code weft.http.max-body-size}, in bytes).
 */
public final class BodyLimit implements Middleware {

    public static final long DEFAULT = 1024 * 1024;

    private final long limit;

    public BodyLimit(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a body limit cannot be negative: " + limit);
        }
        this.limit = limit;
    }

    @Override
    public Response handle(Request request, RouteHandler next) throws Exception {
        String length = request.header("Content-Length");
        if (length != null) {
            long announced;
            try {
                announced = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw HttpException.badRequest("Content-Length is not a number: " + length);
            }
            if (announced > limit) {
                throw new HttpException(413, "the request body of " + announced + " bytes exceeds the limit of "
                        + limit + " bytes");
            }
        }
        ServerRequest.of(request).maxBodySize(limit);
        return next.handle(request);
    }
}

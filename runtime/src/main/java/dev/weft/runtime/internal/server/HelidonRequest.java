package dev.weft.runtime.internal.server;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.internal.http.ServerRequest;
import io.helidon.http.HeaderNames;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** A Helidon request seen as a Weft {@link Request}. */
final class HelidonRequest extends ServerRequest {

    private final io.helidon.webserver.http.ServerRequest request;  // Helidon's, of the same name
    private final HttpMethod method;

    HelidonRequest(io.helidon.webserver.http.ServerRequest request, HttpMethod method) {
        this.request = request;
        this.method = method;
    }

    @Override
    public HttpMethod method() {
        return method;
    }

    @Override
    public String rawPath() {
        return request.path().rawPath();
    }

    @Override
    public String query(String name) {
        return request.query().first(name).orElse(null);
    }

    @Override
    public List<String> queryValues(String name) {
        return request.query().contains(name) ? request.query().all(name) : List.of();
    }

    @Override
    public String header(String name) {
        return request.headers().first(HeaderNames.create(name)).orElse(null);
    }

    @Override
    public List<String> headerValues(String name) {
        return request.headers().contains(HeaderNames.create(name)) ? request.headers().get(HeaderNames.create(name)).allValues() : List.of();
    }

    @Override
    protected byte[] readBody(long limit) {
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        byte[] body;
        try (InputStream in = request.content().inputStream()) {
            // One byte past the limit tells a body that is too long from one that fits exactly.
            body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        } catch (IOException | RuntimeException e) {
            // Helidon reports a broken body in several ways: a malformed chunk size as a
            // NumberFormatException, a body shorter than its Content-Length as an
            // InsufficientDataAvailableException, others as a RequestException. Each is the client's.
            throw new HttpException(400, "the request body could not be read", e);
        }
        if (body.length > limit) {
            throw bodyTooLarge(limit);
        }
        return body;
    }
}

package dev.weft.runtime.internal.http;

import dev.weft.runtime.generated.Route;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Request;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Every {@link Request} the server creates: the read-only view handlers get, plus what only the
 * server's own steps set (the matched route, the request id, the body limit). Subclasses adapt a
 * transport's request (Helidon's, or a test's) and read its body.
 */
public abstract class ServerRequest implements Request {

    private Map<String, String> pathParameters = Map.of();
    private final Map<String, Object> attributes = new HashMap<>();
    private byte[] body;
    private Route route;
    private String requestId;
    private long maxBodySize = Long.MAX_VALUE;

    /** The server's view of a request it created; anything else is a programming error. */
    public static ServerRequest of(Request request) {
        if (request instanceof ServerRequest serverRequest) {
            return serverRequest;
        }
        throw new IllegalArgumentException("not a request the server created: " + request.getClass().getName());
    }

    /**
     * Reads the whole body; called at most once.
     *
     * @param limit the most bytes to accept; a longer body must fail with {@link #bodyTooLarge}
     */
    protected abstract byte[] readBody(long limit);

    /** A 413 for a body longer than {@code limit}. */
    protected static HttpException bodyTooLarge(long limit) {
        return new HttpException(413, "the request body exceeds the limit of " + limit + " bytes");
    }

    @Override
    public final String pathParam(String name) {
        return pathParameters.get(name);
    }

    /** Records the route that matched and the values of its {@code {variables}}. */
    public final void matched(Route route, Map<String, String> parameters) {
        this.route = route;
        this.pathParameters = Map.copyOf(parameters);
    }

    /** The route that matched, or null before routing or when none did. */
    public final Route route() {
        return route;
    }

    @Override
    public final String routeTemplate() {
        return route == null ? null : route.template();
    }

    @Override
    public final String requestId() {
        return requestId;
    }

    public final void requestId(String id) {
        this.requestId = id;
    }

    @Override
    public final byte[] body() {
        if (body == null) {
            body = readBody(maxBodySize);
        }
        return body;
    }

    /** Bounds the body this request accepts, from {@code weft.http.max-body-size}. */
    public final void maxBodySize(long bytes) {
        this.maxBodySize = bytes;
    }

    @Override
    public final String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    @Override
    public final String contentType() {
        return header("Content-Type");
    }

    @Override
    public final Principal principal() {
        return attribute(Principal.ATTRIBUTE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T> T attribute(String name) {
        return (T) attributes.get(name);
    }

    @Override
    public final void attribute(String name, Object value) {
        attributes.put(name, value);
    }
}

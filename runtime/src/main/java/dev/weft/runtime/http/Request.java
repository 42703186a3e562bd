package dev.weft.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as a route sees it. The server adapts its own request to this type; tests can
 * subclass it without a server. Path parameters are filled in by the {@link Router}.
 */
public abstract class Request {

    private Map<String, String> pathParameters = Map.of();
    private final Map<String, Object> attributes = new HashMap<>();
    private byte[] body;
    private Route route;
    private String requestId;
    private long maxBodySize = Long.MAX_VALUE;

    public abstract HttpMethod method();

    /** The request path as sent, still percent-encoded, without the query: {@code /hello/Ada%20Lovelace}. */
    public abstract String rawPath();

    /** The first value of a query parameter, decoded, or null when absent. */
    public abstract String query(String name);

    /** Every value of a query parameter, in order; empty when absent. */
    public abstract List<String> queryValues(String name);

    /** The first value of a header, matched case-insensitively, or null when absent. */
    public abstract String header(String name);

    /**
     * Reads the whole body; called at most once.
     *
     * @param limit the most bytes to accept; a longer body must fail with 413
     */
    protected abstract byte[] readBody(long limit);

    /** The value bound to a {@code {name}} of the matched route's template, or null. */
    public final String pathParam(String name) {
        return pathParameters.get(name);
    }

    final void matched(Route route, Map<String, String> parameters) {
        this.route = route;
        this.pathParameters = Map.copyOf(parameters);
    }

    /** The route that matched, or null before routing or when none did. */
    public final Route route() {
        return route;
    }

    /** The id that follows this request through logs and error bodies, or null if none was given. */
    public final String requestId() {
        return requestId;
    }

    public final void requestId(String id) {
        this.requestId = id;
    }

    /** The body as it came; empty when there is none. Read on first use, then kept. */
    public final byte[] body() {
        if (body == null) {
            body = readBody(maxBodySize);
        }
        return body;
    }

    /** Bounds the body this request accepts; set by the server from {@code weft.http.max-body-size}. */
    public final void maxBodySize(long bytes) {
        this.maxBodySize = bytes;
    }

    /** A 413 for a body longer than {@code limit}. */
    protected static HttpException bodyTooLarge(long limit) {
        return new HttpException(413, "the request body exceeds the limit of " + limit + " bytes");
    }

    /** The body decoded as UTF-8. */
    public final String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    public final String contentType() {
        return header("Content-Type");
    }

    /** Who makes the request, as authentication established it, or null when anonymous. */
    public final Principal principal() {
        return attribute(Principal.ATTRIBUTE);
    }

    /** A value that middleware attached to this request, or null. */
    @SuppressWarnings("unchecked")
    public final <T> T attribute(String name) {
        return (T) attributes.get(name);
    }

    public final void attribute(String name, Object value) {
        attributes.put(name, value);
    }
}

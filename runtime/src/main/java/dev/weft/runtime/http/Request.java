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

    public abstract HttpMethod method();

    /** The request path as sent, still percent-encoded, without the query: {@code /hello/Ada%20Lovelace}. */
    public abstract String rawPath();

    /** The first value of a query parameter, decoded, or null when absent. */
    public abstract String query(String name);

    /** Every value of a query parameter, in order; empty when absent. */
    public abstract List<String> queryValues(String name);

    /** The first value of a header, matched case-insensitively, or null when absent. */
    public abstract String header(String name);

    /** Reads the whole body; called at most once. */
    protected abstract byte[] readBody();

    /** The value bound to a {@code {name}} of the matched route's template, or null. */
    public final String pathParam(String name) {
        return pathParameters.get(name);
    }

    final void pathParameters(Map<String, String> parameters) {
        this.pathParameters = Map.copyOf(parameters);
    }

    /** The body as it came; empty when there is none. Read on first use, then kept. */
    public final byte[] body() {
        if (body == null) {
            body = readBody();
        }
        return body;
    }

    /** The body decoded as UTF-8. */
    public final String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    public final String contentType() {
        return header("Content-Type");
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

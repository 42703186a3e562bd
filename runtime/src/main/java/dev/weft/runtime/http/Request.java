package dev.weft.runtime.http;

import java.util.List;

/**
 * A request as middleware, guards and handlers see it: method, path, parameters, headers, body,
 * and the values that middleware attached (the principal among them). The server creates it;
 * everything but {@link #attribute(String, Object)} is read-only.
 */
public interface Request {

    HttpMethod method();

    /** The request path as sent, still percent-encoded, without the query: {@code /hello/Ada%20Lovelace}. */
    String rawPath();

    /** The first value of a query parameter, decoded, or null when absent. */
    String query(String name);

    /** Every value of a query parameter, in order; empty when absent. */
    List<String> queryValues(String name);

    /** The first value of a header, matched case-insensitively, or null when absent. */
    String header(String name);

    /** Every value of a header, in order, each line as sent; empty when absent. */
    default List<String> headerValues(String name) {
        String value = header(name);
        return value == null ? List.of() : List.of(value);
    }

    /** The value bound to a {@code {name}} of the matched route's template, or null. */
    String pathParam(String name);

    /** The template of the route that matched, such as {@code /orders/{id}}, or null before routing or when none did. */
    String routeTemplate();

    /** The id that follows this request through logs and error bodies. */
    String requestId();

    /**
     * The body as it came; empty when there is none. Read on first use, then kept.
     *
     * @throws HttpException 413 when it is longer than {@code weft.http.max-body-size}
     */
    byte[] body();

    /** The body decoded as UTF-8. */
    String bodyText();

    /** The {@code Content-Type} header, or null. */
    String contentType();

    /** Who makes the request, as authentication established it, or null when anonymous. */
    Principal principal();

    /** A value that middleware attached to this request, or null. */
    <T> T attribute(String name);

    /** Attaches a value for the middleware and handlers after this one. */
    void attribute(String name, Object value);
}

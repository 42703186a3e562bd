package dev.weft.runtime.http;

import java.util.Optional;

/** The HTTP methods a route can answer. HEAD and OPTIONS are answered by the router itself. */
public enum HttpMethod {
    GET,
    POST,
    PUT,
    DELETE,
    PATCH,
    HEAD,
    OPTIONS;

    /** The method named {@code name} exactly (methods are case-sensitive), if Weft knows it. */
    public static Optional<HttpMethod> find(String name) {
        for (HttpMethod method : values()) {
            if (method.name().equals(name)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}

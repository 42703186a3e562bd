package dev.weft.runtime.generated;

import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.RouteHandler;
import java.util.Objects;

/**
 * One entry of a route table: an HTTP method, a path template such as {@code /orders/{id}}, and
 * the handler that answers it.
 */
public record Route(HttpMethod method, String template, RouteHandler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(handler, "handler");
        if (method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            throw new IllegalArgumentException("HEAD and OPTIONS are answered by the router, not by routes");
        }
    }

    public static Route get(String template, RouteHandler handler) {
        return new Route(HttpMethod.GET, template, handler);
    }

    public static Route post(String template, RouteHandler handler) {
        return new Route(HttpMethod.POST, template, handler);
    }

    public static Route put(String template, RouteHandler handler) {
        return new Route(HttpMethod.PUT, template, handler);
    }

    public static Route delete(String template, RouteHandler handler) {
        return new Route(HttpMethod.DELETE, template, handler);
    }

    public static Route patch(String template, RouteHandler handler) {
        return new Route(HttpMethod.PATCH, template, handler);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}

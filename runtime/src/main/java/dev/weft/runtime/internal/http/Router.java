package dev.weft.runtime.internal.http;

import dev.weft.runtime.generated.Route;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Matches a request's method and path against the route table.
 *
 * <p>Templates are split into segments and kept in a tree, so that matching walks one node per
 * path segment whatever the number of routes. A literal segment wins over a {@code {variable}}
 * at the same place. A path that matches with another method answers 405 with {@code Allow};
 * HEAD is answered by the GET route without its body, OPTIONS with the {@code Allow} list.
 */
public final class Router {

    private final Node root = new Node();
    private final List<Route> routes;

    private Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
        for (Route route : routes) {
            add(route);
        }
        root.seal();
    }

    /** Builds the tree; two routes with the same method and the same path shape are an error. */
    public static Router of(List<Route> routes) {
        return new Router(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /**
     * The route for a request, with its path variables bound, or the error that answers it.
     * {@code rawPath} is still percent-encoded, so that an encoded {@code /} stays inside its segment.
     */
    public Match match(HttpMethod method, String rawPath) {
        List<String> segments = segments(rawPath);
        segments.replaceAll(PercentDecoding::decode);
        String path = "/" + String.join("/", segments);
        List<String> values = new ArrayList<>(2);
        Node node = find(root, segments, 0, values);
        if (node == null || node.endpoints.isEmpty()) {
            throw HttpException.notFound("no route matches " + path);
        }
        HttpMethod lookup = method == HttpMethod.HEAD ? HttpMethod.GET : method;
        Endpoint endpoint = node.endpoints.get(lookup);
        if (endpoint == null) {
            if (method == HttpMethod.OPTIONS) {
                return new Match(null, Map.of(), node.allow);
            }
            throw HttpException.methodNotAllowed(method, path, node.allow);
        }
        Map<String, String> variables = new HashMap<>(4);
        for (int i = 0; i < values.size(); i++) {
            variables.put(endpoint.variableNames.get(i), values.get(i));
        }
        return new Match(endpoint.route, variables, node.allow);
    }

    /**
     * Handles a request: matches it, binds its path variables and calls the route's handler.
     * Errors propagate, so that the caller renders them the same way wherever they arise.
     */
    public Response dispatch(Request request) throws Exception {
        Match match = match(request.method(), request.rawPath());
        if (match.route() == null) {
            return Response.noContent().header("Allow", match.allow());
        }
        ServerRequest.of(request).matched(match.route(), match.variables());
        Response response = match.route().handler().handle(request);
        return request.method() == HttpMethod.HEAD ? response.withoutBody() : response;
    }

    /** The outcome of matching: a route (null for a bare OPTIONS), its variables, the allowed methods. */
    public record Match(Route route, Map<String, String> variables, String allow) {}

    private void add(Route route) {
        Node node = root;
        List<String> names = new ArrayList<>(2);
        for (String segment : segments(route.template())) {
            if (isVariable(segment)) {
                names.add(segment.substring(1, segment.length() - 1));
                if (node.variable == null) {
                    node.variable = new Node();
                }
                node = node.variable;
            } else {
                node = node.literals.computeIfAbsent(segment, s -> new Node());
            }
        }
        Endpoint previous = node.endpoints.putIfAbsent(route.method(), new Endpoint(route, names));
        if (previous != null) {
            throw new IllegalStateException(
                    "duplicate route: " + route + " and " + previous.route + " match the same requests");
        }
    }

    private static Node find(Node node, List<String> segments, int index, List<String> values) {
        if (index == segments.size()) {
            return node;
        }
        String segment = segments.get(index);
        Node literal = node.literals.get(segment);
        if (literal != null) {
            Node found = find(literal, segments, index + 1, values);
            if (found != null && !found.endpoints.isEmpty()) {
                return found;
            }
        }
        if (node.variable != null && !segment.isEmpty()) {
            values.add(segment);
            Node found = find(node.variable, segments, index + 1, values);
            if (found != null && !found.endpoints.isEmpty()) {
                return found;
            }
            values.remove(values.size() - 1);
        }
        return null;
    }

    /** {@code "/a/b"} is {@code [a, b]}; {@code "/"} and {@code ""} are {@code []}; a trailing slash is kept as an empty segment. */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>(4);
        int start = path.startsWith("/") ? 1 : 0;
        if (start == path.length()) {
            return segments;
        }
        while (true) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                segments.add(path.substring(start));
                return segments;
            }
            segments.add(path.substring(start, slash));
            start = slash + 1;
        }
    }

    private static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        final Map<HttpMethod, Endpoint> endpoints = new EnumMap<>(HttpMethod.class);
        Node variable;
        /** The {@code Allow} header of this path, fixed once the table is built. */
        String allow;

        void seal() {
            StringJoiner methods = new StringJoiner(", ");
            endpoints.keySet().forEach(method -> methods.add(method.name()));
            if (endpoints.containsKey(HttpMethod.GET)) {
                methods.add(HttpMethod.HEAD.name());
            }
            methods.add(HttpMethod.OPTIONS.name());
            allow = methods.toString();
            literals.values().forEach(Node::seal);
            if (variable != null) {
                variable.seal();
            }
        }
    }

    private record Endpoint(Route route, List<String> variableNames) {}
}

package dev.weft.runtime.internal.middleware;

import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.middleware.Middleware;
import io.helidon.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin resource sharing, from {@code weft.cors}: answers preflight requests, and marks
 * responses to allowed origins readable by their scripts. A request from an origin not allowed
 * gets no CORS headers, so the browser keeps the response from the page. Every response says
 * {@code Vary: Origin}, with an Origin or without: a cache must not serve one origin's answer to another.
 * Every list setting may be written comma-separated or as a list (YAML's {@code - a}).
 *
 * <ul>
 *   <li>{@code allowed-origins}: origins, comma-separated or as a list, or {@code *};
 *   <li>{@code allowed-methods} (default {@code GET, POST, PUT, DELETE, PATCH}),
 *       {@code allowed-headers} (default {@code Content-Type, Authorization}),
 *       {@code exposed-headers} (default {@code X-Request-Id}),
 *       {@code allow-credentials} (default false), {@code max-age} (default PT10M).
 * </ul>
 */
public final class Cors implements Middleware {

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final String methods;
    private final Set<String> headers;
    private final String headersText;
    private final String exposed;
    private final boolean credentials;
    private final String maxAge;

    public Cors(List<String> origins, List<String> methods, List<String> headers, List<String> exposed,
            boolean credentials, Duration maxAge) {
        this.anyOrigin = origins.contains("*");
        if (anyOrigin && credentials) {
            throw new IllegalArgumentException("weft.cors: allow-credentials cannot go with allowed-origins=*");
        }
        this.origins = Set.copyOf(origins);
        this.methods = String.join(", ", methods);
        this.headers = headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.headersText = String.join(", ", headers);
        this.exposed = String.join(", ", exposed);
        this.credentials = credentials;
        this.maxAge = Long.toString(maxAge.toSeconds());
    }

    /** CORS as configured under {@code weft.cors}, or null when no origin is allowed. */
    public static Cors fromConfig(Config cors) {
        List<String> origins = list(cors.get("allowed-origins"), List.of());
        if (origins.isEmpty()) {
            return null;
        }
        return new Cors(origins,
                list(cors.get("allowed-methods"), List.of("GET", "POST", "PUT", "DELETE", "PATCH")),
                list(cors.get("allowed-headers"), List.of("Content-Type", "Authorization")),
                list(cors.get("exposed-headers"), List.of(RequestIds.DEFAULT_HEADER)),
                cors.get("allow-credentials").asBoolean().orElse(false),
                cors.get("max-age").as(Duration.class).orElse(Duration.ofMinutes(10)));
    }

    @Override
    public Response handle(Request request, RouteHandler next) throws Exception {
        String origin = request.header("Origin");
        if (origin == null) {
            return next.handle(request).header("Vary", "Origin");
        }
        boolean allowed = anyOrigin || origins.contains(origin);
        String requestedMethod = request.header("Access-Control-Request-Method");
        if (request.method() == HttpMethod.OPTIONS && requestedMethod != null) {
            return preflight(origin, allowed, request.header("Access-Control-Request-Headers"));
        }
        Response response = next.handle(request);
        if (allowed) {
            allowOrigin(response, origin);
            if (!exposed.isEmpty()) {
                response.header("Access-Control-Expose-Headers", exposed);
            }
        }
        return response.header("Vary", "Origin");
    }

    private Response preflight(String origin, boolean allowed, String requestedHeaders) {
        Response response = Response.noContent().header("Vary", "Origin");
        if (!allowed || !headersAllowed(requestedHeaders)) {
            return response;
        }
        allowOrigin(response, origin);
        return response
                .header("Access-Control-Allow-Methods", methods)
                .header("Access-Control-Allow-Headers", headersText)
                .header("Access-Control-Max-Age", maxAge);
    }

    private boolean headersAllowed(String requested) {
        if (requested == null || requested.isBlank()) {
            return true;
        }
        for (String header : requested.split(",")) {
            if (!header.isBlank() && !headers.contains(header.trim().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private void allowOrigin(Response response, String origin) {
        response.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        if (credentials) {
            response.header("Access-Control-Allow-Credentials", "true");
        }
    }

    /** A list setting: {@code a, b} or a list node; a list read as a string would be empty, and turn CORS off. */
    static List<String> list(Config node, List<String> defaults) {
        if (!node.exists()) {
            return defaults;
        }
        List<String> values = node.isList() ? node.asList(String.class).get() : List.of(node.asString().get().split(","));
        return values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

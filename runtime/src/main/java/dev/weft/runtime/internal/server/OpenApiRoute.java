package dev.weft.runtime.internal.server;

import dev.weft.runtime.generated.Route;
import dev.weft.runtime.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;

/**
 * {@code GET /openapi.json}: the OpenAPI document Weft's annotation processor wrote into the
 * application's jar ({@code META-INF/weft/openapi.json}), served as it is. Read once at start-up;
 * there is no route when the application has no document or {@code weft.openapi.enabled} is false.
 */
final class OpenApiRoute {

    static final String PATH = "/openapi.json";
    static final String RESOURCE = "META-INF/weft/openapi.json";

    private OpenApiRoute() {}

    /** The route, or none when the class path holds no document. */
    static List<Route> fromClassPath(ClassLoader loader) {
        // META-INF is no package: its resources are readable on the module path as on the class path.
        URL document = loader.getResource(RESOURCE);
        if (document == null) {
            return List.of();
        }
        byte[] bytes;
        try (InputStream in = document.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document, e);
        }
        return List.of(Route.get(PATH, request -> Response.status(200).body(Response.JSON, bytes)));
    }
}

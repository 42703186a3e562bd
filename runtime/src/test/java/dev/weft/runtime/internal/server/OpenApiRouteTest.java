package dev.weft.runtime.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.generated.Route;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.internal.http.FakeRequest;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiRouteTest {

    @Test
    void servesTheDocumentOfTheClassPathAsJson(@TempDir Path classes) throws Exception {
        byte[] document = "{\"openapi\":\"3.1.0\"}".getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(classes.resolve("META-INF/weft"));
        Files.write(classes.resolve(OpenApiRoute.RESOURCE), document);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            List<Route> routes = OpenApiRoute.fromClassPath(loader);
            assertEquals(List.of("GET /openapi.json"), routes.stream().map(Route::toString).toList());
            Response response = routes.get(0).handler().handle(FakeRequest.get("/openapi.json"));
            assertEquals(200, response.status());
            assertEquals(Response.JSON, response.contentType());
            assertArrayEquals(document, response.body());
        }
    }

    @Test
    void noDocumentNoRoute(@TempDir Path classes) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertTrue(OpenApiRoute.fromClassPath(loader).isEmpty());
        }
    }
}

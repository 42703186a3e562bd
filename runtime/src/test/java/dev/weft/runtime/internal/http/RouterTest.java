package dev.weft.runtime.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.generated.Route;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    /** Each handler answers with its own name and the variables it received. */
    private static RouteHandler named(String name) {
        return request -> Response.ofText(name + " " + request.pathParam("id") + " " + request.pathParam("item"));
    }

    private final Router router = Router.of(List.of(
            Route.get("/orders", named("list")),
            Route.post("/orders", named("create")),
            Route.get("/orders/{id}", named("one")),
            Route.get("/orders/latest", named("latest")),
            Route.delete("/orders/{id}/items/{item}", named("removeItem")),
            Route.get("/", named("root"))));

    @Test
    void matchesLiteralsAndBindsVariables() throws Exception {
        assertEquals("one 42 null", dispatch(HttpMethod.GET, "/orders/42"));
        assertEquals("removeItem 7 x", dispatch(HttpMethod.DELETE, "/orders/7/items/x"));
        assertEquals("root null null", dispatch(HttpMethod.GET, "/"));
        assertEquals("create null null", dispatch(HttpMethod.POST, "/orders"));
    }

    @Test
    void prefersALiteralSegmentOverAVariable() throws Exception {
        assertEquals("latest null null", dispatch(HttpMethod.GET, "/orders/latest"));
    }

    @Test
    void decodesEachSegmentAfterSplittingSoAnEncodedSlashStaysInside() throws Exception {
        assertEquals("one a/b null", dispatch(HttpMethod.GET, "/orders/a%2Fb"));
        assertEquals("one Ada Lovelace null", dispatch(HttpMethod.GET, "/orders/Ada%20Lovelace"));
        assertEquals("one 1+1 null", dispatch(HttpMethod.GET, "/orders/1+1"));
        assertEquals("one é null", dispatch(HttpMethod.GET, "/orders/%C3%A9"));
    }

    @Test
    void refusesMalformedPercentEncodingWith400() {
        assertEquals(400, assertThrows(HttpException.class, () -> dispatch(HttpMethod.GET, "/orders/%zz")).status());
        assertEquals(400, assertThrows(HttpException.class, () -> dispatch(HttpMethod.GET, "/orders/%4")).status());
    }

    @Test
    void answersAnUnknownPath404() {
        HttpException error = assertThrows(HttpException.class, () -> dispatch(HttpMethod.GET, "/customers"));
        assertEquals(404, error.status());
        assertEquals(404, assertThrows(HttpException.class, () -> dispatch(HttpMethod.GET, "/orders/1/2")).status());
        // A trailing slash is a different path: templates match exactly.
        assertEquals(404, assertThrows(HttpException.class, () -> dispatch(HttpMethod.GET, "/orders/")).status());
    }

    @Test
    void answersAKnownPathWithTheWrongMethod405ListingTheAllowedOnes() {
        HttpException error = assertThrows(HttpException.class, () -> dispatch(HttpMethod.PUT, "/orders"));
        assertEquals(405, error.status());
        assertEquals(Map.of("Allow", "GET, POST, HEAD, OPTIONS"), error.headers());
        assertEquals("DELETE, OPTIONS",
                assertThrows(HttpException.class, () -> dispatch(HttpMethod.GET, "/orders/1/items/2")).headers().get("Allow"));
    }

    @Test
    void answersHeadWithTheGetRouteWithoutItsBody() throws Exception {
        Response response = router.dispatch(new FakeRequest(HttpMethod.HEAD, "/orders/3"));
        assertEquals(200, response.status());
        assertEquals(Response.TEXT, response.contentType());
        assertEquals(0, response.body().length);
    }

    @Test
    void answersOptionsWithTheAllowedMethods() throws Exception {
        Response response = router.dispatch(new FakeRequest(HttpMethod.OPTIONS, "/orders"));
        assertEquals(204, response.status());
        assertEquals("GET, POST, HEAD, OPTIONS", response.header("allow"));
    }

    @Test
    void refusesTwoRoutesThatMatchTheSameRequests() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Router.of(List.of(
                Route.get("/a/{x}", named("first")), Route.get("/a/{y}", named("second")))));
        assertTrue(error.getMessage().contains("GET /a/{y}"), error.getMessage());
        // Same path, other method: no conflict.
        Router.of(List.of(Route.get("/a/{x}", named("get")), Route.put("/a/{y}", named("put"))));
    }

    @Test
    void refusesHeadAndOptionsRoutes() {
        assertThrows(IllegalArgumentException.class, () -> new Route(HttpMethod.HEAD, "/x", named("x")));
    }

    @Test
    void splitsPathsIntoSegments() {
        assertEquals(List.of(), Router.segments("/"));
        assertEquals(List.of("a", "b"), Router.segments("/a/b"));
        assertEquals(List.of("a", ""), Router.segments("/a/"));
    }

    private String dispatch(HttpMethod method, String path) throws Exception {
        Response response = router.dispatch(new FakeRequest(method, path));
        assertNull(response.header("Allow"));
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }
}

package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;
import dev.weft.runtime.generated.Route;
import dev.weft.runtime.generated.RouteGroup;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTesterTest {

    /** Routes as a generated class would declare them, written by hand. */
    static final RouteGroup ROUTES = () -> List.of(
            Route.get("/hello/{name}", request -> Response.ofText("Hello, " + request.pathParam("name")
                    + (request.query("greeting") == null ? "" : " " + request.query("greeting")))),
            Route.post("/echo", request -> Response.status(201)
                    .header("X-Seen", String.valueOf(request.header("X-Test")))
                    .body(request.contentType(), request.body())),
            Route.get("/missing", request -> {
                throw HttpException.notFound("nothing here");
            }));

    @Test
    void callsARouteWithPathAndQuery() {
        try (RouteTester routes = RouteTester.of(ROUTES)) {
            TestResponse response = routes.get("/hello/Ada%20L?greeting=hi%21").send();
            assertEquals(200, response.status());
            assertEquals("Hello, Ada L hi!", response.text());
            assertTrue(response.contentType().startsWith("text/plain"), response.contentType());
            assertNotNull(response.header("x-request-id"), "the server's request id middleware ran");
        }
    }

    @Test
    void sendsHeadersAndBody() {
        try (RouteTester routes = RouteTester.of(ROUTES)) {
            TestResponse response = routes.post("/echo").header("X-Test", "yes").json("{\"a\":[1,2]}").send();
            assertEquals(201, response.status());
            assertEquals("yes", response.header("X-Seen"));
            assertEquals(Map.of("a", List.of(1L, 2L)), normalise(response.json()));
        }
    }

    @Test
    void failuresAreProblemResponsesAsOnTheServer() {
        try (RouteTester routes = RouteTester.of(ROUTES)) {
            TestResponse missing = routes.get("/missing").send();
            assertEquals(404, missing.status());
            assertEquals("application/problem+json", missing.contentType());
            assertEquals("nothing here", ((Map<?, ?>) missing.json()).get("detail"));

            TestResponse wrongMethod = routes.delete("/echo").send();
            assertEquals(405, wrongMethod.status());
            assertTrue(wrongMethod.header("Allow").contains("POST"), wrongMethod.header("Allow"));

            assertEquals(404, routes.get("/no/such/route").send().status());
        }
    }

    @Test
    void runsTheBuildersConfigurationAndMiddleware() {
        WeftServer.Builder server = WeftServer.builder(WeftConfig.of(Map.of("weft.http.max-body-size", "4")))
                .use((request, next) -> next.handle(request).header("X-Middleware", "ran"))
                .routes(ROUTES);
        try (RouteTester routes = RouteTester.of(server)) {
            TestResponse tooLong = routes.post("/echo").text("12345").send();
            assertEquals(413, tooLong.status());
            TestResponse fits = routes.post("/echo").text("1234").send();
            assertEquals(201, fits.status());
            assertEquals("ran", fits.header("X-Middleware"));
            assertEquals(200, routes.get("/health").send().status());
        }
    }

    /** avaje reads JSON integers as Long or BigDecimal depending on settings; compare as longs. */
    private static Object normalise(Object json) {
        if (json instanceof Map<?, ?> map) {
            java.util.Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, normalise(v)));
            return copy;
        }
        if (json instanceof List<?> list) {
            return list.stream().map(RouteTesterTest::normalise).toList();
        }
        if (json instanceof Number number) {
            return number.longValue();
        }
        return json;
    }
}

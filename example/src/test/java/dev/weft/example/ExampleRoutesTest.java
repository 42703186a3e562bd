package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.WeftConfig;
import dev.weft.test.RouteTester;
import dev.weft.test.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example's routes, Java and wasm, called in process with the testing kit: no socket. */
class ExampleRoutesTest {

    private static RouteTester routes;

    @BeforeAll
    static void buildTheServer() {
        // The orders' database goes under target/, not into the example's ./data.
        routes = RouteTester.of(ExampleApplication.configure(WeftConfig.load()
                .with(Map.of("weft.datasources.orders.url", "jdbc:sqlite:target/test-data/routes-test.db"))));
    }

    @AfterAll
    static void releaseTheModules() {
        routes.close();
    }

    @Test
    void javaRoute() {
        TestResponse response = routes.get("/hello/Ada%20Lovelace").send();
        assertEquals(200, response.status());
        assertEquals("Hello, Ada Lovelace!", response.text());
        // the application's own middleware ran too
        assertEquals(true, response.header("Server-Timing").startsWith("total"), response.header("Server-Timing"));
    }

    @Test
    void wasmRouteWithBytes() {
        byte[] body = "bytes through the guest \u00e9".getBytes(StandardCharsets.UTF_8);
        TestResponse response = routes.post("/echo").body("application/octet-stream", body).send();
        assertEquals(200, response.status());
        assertArrayEquals(body, response.body());
    }

    @Test
    void wasmRouteWithJson() {
        TestResponse response = routes.post("/stats").json("{\"values\":[1,2,3.5]}").send();
        assertEquals(200, response.status(), response.text());
        StatsApi.Summary summary = response.json(StatsApi.Summary.class);
        assertEquals(new StatsApi.Summary(3, 6.5, 6.5 / 3, 1, 3.5), summary);
    }

    @Test
    void badJsonIsAProblemAsOnTheServer() {
        TestResponse response = routes.post("/stats").json("{\"values\": [1,").send();
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.contentType());
    }
}

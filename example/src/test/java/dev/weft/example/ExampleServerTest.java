package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.weft.test.TestResponse;
import dev.weft.test.TestClient;
import dev.weft.test.WeftServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example's server started by the testing kit on a free port, called over HTTP. */
@WeftServerTest(application = ExampleApplication.class, properties = {"weft.health.details=true",
        "weft.datasources.orders.url=jdbc:sqlite:target/test-data/server-test.db"})
class ExampleServerTest {

    @Test
    void javaRouteOverHttp(TestClient client) {
        assertNotEquals(8080, client.port(), "a free port, not application.properties' 8080");
        TestResponse response = client.get("/hello/Ada").send();
        assertEquals(200, response.status());
        assertEquals("Hello, Ada!", response.text());
    }

    @Test
    void wasmRouteOverHttp(TestClient client) {
        TestResponse response = client.post("/stats").json("{\"values\":[4,6]}").send();
        assertEquals(200, response.status(), response.text());
        assertEquals(new StatsApi.Summary(2, 10, 5, 4, 6), response.json(StatsApi.Summary.class));
    }

    @Test
    void propertiesReachTheServer(TestClient client) {
        // weft.health.details=true, given above, lists the modules in /health
        Map<?, ?> health = (Map<?, ?>) client.get("/health").send().json();
        assertEquals("UP", health.get("status"));
        assertEquals(true, health.containsKey("modules"), health.toString());
    }
}

package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.test.TestResponse;
import dev.weft.test.TestClient;
import dev.weft.test.WeftServerTest;
import org.junit.jupiter.api.Test;

/** The application's server, started on a free port, called over HTTP. */
@WeftServerTest(application = Application.class)
class ApplicationServerTest {

    @Test
    void javaRouteOverHttp(TestClient client) {
        TestResponse response = client.get("/hello/Grace").send();
        assertEquals(200, response.status());
        assertEquals("Hello, Grace!", response.text());
    }

    @Test
    void rustRouteOverHttp(TestClient client) {
        TestResponse response = client.post("/shout").text("over the wire").send();
        assertEquals(200, response.status(), response.text());
        assertEquals("OVER THE WIRE!", response.text());
    }

    @Test
    void healthIsUp(TestClient client) {
        assertEquals(200, client.get("/health").send().status());
    }
}

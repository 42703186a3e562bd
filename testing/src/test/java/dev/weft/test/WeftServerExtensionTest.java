package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.WeftServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WeftServerExtensionTest {

    @RegisterExtension
    static WeftServerExtension server = WeftServerExtension.of(
            config -> WeftServer.builder(config).routes(RouteTesterTest.ROUTES), "weft.request-id-header=X-Trace");

    @Test
    void servesOverHttpOnAFreePort(TestClient client, WeftServer running) {
        assertTrue(running.isRunning());
        assertNotEquals(0, client.port());
        assertEquals(running.port(), client.port());
        TestResponse response = client.get("/hello/Ada?greeting=hi").send();
        assertEquals(200, response.status());
        assertEquals("Hello, Ada hi", response.text());
        // the property given to the extension is in the server's configuration
        assertTrue(response.header("X-Trace") != null, response.toString());
    }

    @Test
    void sendsBodiesAndReadsProblems(TestClient client) {
        TestResponse echoed = client.post("/echo").header("X-Test", "yes").text("hello").send();
        assertEquals(201, echoed.status());
        assertEquals("hello", echoed.text());
        assertEquals("yes", echoed.header("X-Seen"));
        TestResponse missing = client.get("/missing").send();
        assertEquals(404, missing.status());
        assertEquals("application/problem+json", missing.contentType());
    }
}

package dev.weft.example;

import static dev.weft.example.RunningExample.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** SIGTERM stops the server gracefully: the request in flight finishes, then the process exits. */
class ShutdownIT {

    @Test
    void finishesTheRequestInFlightThenStops() throws Exception {
        try (RunningExample server = RunningExample.start()) {
            // Long enough to be in flight when the signal comes; short enough for a test.
            CompletableFuture<HttpResponse<byte[]>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.get("/matmul?n=1000");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertTrue(!inFlight.isDone(), "the request should still be running when SIGTERM arrives");

            int exit = server.terminate(Duration.ofSeconds(30));

            HttpResponse<byte[]> response = inFlight.get();
            assertEquals(200, response.statusCode());
            assertEquals(1000, ((Number) json(response).get("n")).intValue());
            // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited on the signal.
            assertEquals(143, exit);
            assertTrue(server.log().contains("Weft stopping"), server.log());
            assertTrue(server.log().contains("Weft stopped"), server.log());
        }
    }
}

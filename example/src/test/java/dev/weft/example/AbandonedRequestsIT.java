package dev.weft.example;

import static dev.weft.example.RunningExample.json;
import static dev.weft.example.RunningExample.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 3: a client that sends a long request and closes its connection must not keep
 * the server's resources. Through raw sockets against the packaged jar: the guest of a client that
 * left is stopped and its instance given back, while the guest of a client that stays runs on; a
 * {@code @Compute} handler's thread is interrupted and its permit given back. The deadlines are an
 * hour (the guest loops forever, the Java matrix product takes about a minute), so only the
 * client's leaving can free them within the waits below.
 */
class AbandonedRequestsIT {

    private static RunningExample server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningExample.start(
                "-Dweft.health.details=true",
                "-Dweft.http.client-check-after=PT0.2S",
                "-Dweft.wasm.modules.faults.timeout=PT1H",
                "-Dweft.compute.max-concurrency=1",
                "-Dweft.compute.acquire-timeout=PT0.2S");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theGuestOfAClientThatLeftIsStoppedAndItsInstanceGivenBack() throws Exception {
        try (Socket leaves = sendAndKeepOpen("/faults/loop"); Socket stays = sendAndKeepOpen("/faults/loop")) {
            awaitTrue(() -> faultsInstancesInUse() == 2, 10_000, "both instances of faults lent to the two loops");
            assertEquals(503, server.get("/faults/state").statusCode(), "no instance is free while both loops run");

            leaves.close();
            awaitTrue(() -> faultsInstancesInUse() == 1, 20_000, "the loop whose client left was stopped");
            assertEquals("1", text(server.get("/faults/state")), "its instance serves the next request");
            assertEquals(1, faultsInstancesInUse(), "the loop whose client stays runs on");

            stays.close();
            awaitTrue(() -> faultsInstancesInUse() == 0, 20_000, "the second loop was stopped once its client left");
        }
        awaitTrue(() -> server.log().contains("GET /faults/loop (request "), 5_000, "one log line per abandoned request");
        assertTrue(server.log().contains("the client closed the connection after"), server.log());
        String metrics = text(server.get("/metrics"));
        String abandoned = "http_server_requests_seconds_count{method=\"GET\",route=\"/faults/loop\",status=\"499\"} ";
        assertEquals(2.0, metrics.lines().filter(line -> line.startsWith(abandoned)).findFirst()
                        .map(line -> Double.parseDouble(line.substring(abandoned.length()))).orElse(0.0),
                "both abandoned requests counted under 499:\n" + metrics);
        assertEquals("hi", text(server.get("/hello")), "the server serves on");
    }

    @Test
    void theComputeThreadOfAClientThatLeftIsInterruptedAndItsPermitGivenBack() throws Exception {
        try (Socket leaves = sendAndKeepOpen("/java/matmul?n=5000")) {
            // The one compute permit is held by the large product (unless a probe came first).
            awaitTrue(() -> status("/java/matmul?n=2") == 503, 10_000, "the compute permit held by the large product");

            leaves.close();
            awaitTrue(() -> status("/java/matmul?n=2") == 200, 20_000, "the permit given back once the client left");
        }
        awaitTrue(() -> server.log().contains("GET /java/matmul (request "), 5_000, "one log line for the abandoned request");
    }

    /** A connection that sent a GET of {@code path} and reads nothing; closing it is leaving. */
    private static Socket sendAndKeepOpen(String path) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    @SuppressWarnings("unchecked")
    private static int faultsInstancesInUse() {
        try {
            Map<String, Object> modules = (Map<String, Object>) json(server.get("/health")).get("modules");
            return ((Number) ((Map<String, Object>) modules.get("faults")).get("instancesInUse")).intValue();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(String path) {
        try {
            return server.get(path).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 50 ms; fails when it has not held within {@code millis}. */
    private static void awaitTrue(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + millis + " ms: " + what + "\n" + server.log());
            }
            Thread.sleep(50);
        }
    }
}

package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Orders in the example's database: stored, read back, listed newest first, and still there after a
 * restart and after {@code kill -9} in the middle of writes (every order answered 201). The same
 * tests run on SQLite (a file in EXAMPLE_DATA_DIR) and on PostgreSQL.
 */
class OrdersPersistenceIT {

    @Nested
    class OnSqlite extends OrdersPersistenceTests {
        @Override
        OrdersDatabase database(Path dataFolder) {
            return OrdersDatabase.sqlite(dataFolder);
        }
    }

    @Nested
    class OnPostgresql extends OrdersPersistenceTests {
        @Override
        OrdersDatabase database(Path dataFolder) throws Exception {
            return OrdersDatabase.freshPostgresql();
        }
    }

    abstract static class OrdersPersistenceTests extends ExampleOnADatabase {

        private static final String API_KEY = "orders-test-key-0123456789";

        private RunningExample start() throws Exception {
            return start(API_KEY);
        }

        private static HttpResponse<byte[]> order(RunningExample server, String item, int quantity) throws Exception {
            return server.send(HttpRequest.newBuilder(server.uri("/orders"))
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", API_KEY)
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"" + item + "\",\"quantity\":" + quantity + "}"))
                    .build());
        }

        private static HttpResponse<byte[]> get(RunningExample server, String path) throws Exception {
            return server.send(HttpRequest.newBuilder(server.uri(path)).header("X-API-Key", API_KEY).GET().build());
        }

        @Test
        void anOrderIsStoredReadBackListedAndKeptAcrossARestart() throws Exception {
            long tea;
            try (RunningExample server = start()) {
                HttpResponse<byte[]> created = order(server, "tea", 3);
                assertEquals(201, created.statusCode(), RunningExample.text(created));
                tea = ((Number) RunningExample.json(created).get("id")).longValue();
                assertEquals("/orders/" + tea, created.headers().firstValue("Location").orElseThrow());
                assertEquals(201, order(server, "scones", 2).statusCode());
                assertEquals(2, database.countOrders(), "the orders are in this test's database");
                assertEquals(404, get(server, "/orders/987654").statusCode());

                HttpResponse<byte[]> newest = get(server, "/orders?limit=1");
                assertEquals(200, newest.statusCode(), RunningExample.text(newest));
                assertTrue(RunningExample.text(newest).contains("\"item\":\"scones\""), RunningExample.text(newest));
                assertTrue(!RunningExample.text(newest).contains("tea"), "limit=1: the newest only");
                assertEquals(400, get(server, "/orders?limit=0").statusCode());
                server.terminate(Duration.ofSeconds(30));
            }
            try (RunningExample restarted = start()) {
                HttpResponse<byte[]> found = get(restarted, "/orders/" + tea);
                assertEquals(200, found.statusCode());
                Map<String, Object> body = RunningExample.json(found);
                assertEquals("tea", body.get("item"));
                assertEquals(3, ((Number) body.get("quantity")).intValue());
                assertEquals("example-client", body.get("owner"));
            }
        }

        @Test
        void kill9WhileClientsWriteLosesNoAcknowledgedOrder() throws Exception {
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            RunningExample server = start();
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    while (writing.get()) {
                        try {
                            HttpResponse<byte[]> created = order(server, "load", 1);
                            if (created.statusCode() == 201) {
                                acknowledged.add(((Number) RunningExample.json(created).get("id")).longValue());
                            }
                        } catch (Exception refusedOnceKilled) {
                            // the server is gone: only the acknowledged orders count
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledged.size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(acknowledged.size() >= 200, "the clients wrote: " + acknowledged.size() + "\n" + server.log());
            server.kill();
            writing.set(false);
            for (Thread client : clients) {
                client.join();
            }
            try (RunningExample restarted = start()) {
                List<Long> missing = new ArrayList<>();
                for (long id : acknowledged) {
                    if (get(restarted, "/orders/" + id).statusCode() != 200) {
                        missing.add(id);
                    }
                }
                assertEquals(List.of(), missing, "of " + acknowledged.size() + " acknowledged orders");
            }
        }
    }
}

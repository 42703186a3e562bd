package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The example's guests on the data layer, over HTTP against the packaged jar: visits counted in
 * the key-value store (atomically, and kept across a restart), the order summary computed through
 * the SQL host API, a guest refused a database it was not granted, and a statement cancelled at
 * its module's deadline, with the server serving on after each. The same tests run on SQLite and
 * on PostgreSQL.
 */
class DataGuestsIT {

    @Nested
    class OnSqlite extends DataGuestTests {
        @Override
        OrdersDatabase database(Path dataFolder) {
            return OrdersDatabase.sqlite(dataFolder);
        }
    }

    @Nested
    class OnPostgresql extends DataGuestTests {
        @Override
        OrdersDatabase database(Path dataFolder) throws Exception {
            return OrdersDatabase.freshPostgresql();
        }
    }

    abstract static class DataGuestTests extends ExampleOnADatabase {

        private static final String API_KEY = "data-guests-test-key-0123456789";

        private RunningExample start() throws Exception {
            return start(API_KEY);
        }

        private static HttpResponse<byte[]> get(RunningExample server, String path) throws Exception {
            return server.send(HttpRequest.newBuilder(server.uri(path)).header("X-API-Key", API_KEY)
                    .timeout(Duration.ofSeconds(60)).GET().build());
        }

        private static long count(HttpResponse<byte[]> response) {
            assertEquals(200, response.statusCode(), RunningExample.text(response));
            return ((Number) RunningExample.json(response).get("count")).longValue();
        }

        @Test
        void fiftyConcurrentVisitsAreCountedOnceEachAndKeptAcrossARestart() throws Exception {
            try (RunningExample server = start()) {
                HttpResponse<byte[]> first = get(server, "/visits/home");
                assertEquals("home", RunningExample.json(first).get("page"));
                assertEquals(1, count(first));
                ExecutorService clients = Executors.newFixedThreadPool(50);
                Set<Long> counts = new TreeSet<>();
                try {
                    List<Callable<Long>> visits = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        visits.add(() -> count(get(server, "/visits/x")));
                    }
                    for (Future<Long> visit : clients.invokeAll(visits)) {
                        counts.add(visit.get());
                    }
                } finally {
                    clients.shutdownNow();
                }
                assertEquals(LongStream.rangeClosed(1, 50).boxed().collect(Collectors.toCollection(TreeSet::new)), counts,
                        "each visit saw its own count: no update lost");
                server.terminate(Duration.ofSeconds(30));
            }
            try (RunningExample restarted = start()) {
                assertEquals(51, count(get(restarted, "/visits/x")));
                assertEquals(2, count(get(restarted, "/visits/home")));
            }
        }

        @Test
        void theSummaryGuestCountsTheOrdersThroughSql() throws Exception {
            try (RunningExample server = start()) {
                assertEquals("{\"count\":0,\"quantity\":0}", RunningExample.text(get(server, "/orders/summary")));
                for (int quantity : new int[] {3, 4}) {
                    HttpResponse<byte[]> created = server.send(HttpRequest.newBuilder(server.uri("/orders"))
                            .header("Content-Type", "application/json").header("X-API-Key", API_KEY)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"tea\",\"quantity\":" + quantity + "}"))
                            .build());
                    assertEquals(201, created.statusCode());
                }
                HttpResponse<byte[]> summary = get(server, "/orders/summary");
                assertEquals(200, summary.statusCode(), RunningExample.text(summary));
                assertEquals("{\"count\":2,\"quantity\":7}", RunningExample.text(summary));
                assertEquals(2, database.countOrders(), "the orders are in this test's database");
            }
        }

        @Test
        void aGuestWithoutTheGrantGetsAnErrorValueAndTheServerGoesOn() throws Exception {
            try (RunningExample server = start()) {
                HttpResponse<byte[]> denied = get(server, "/data-probe/denied");
                assertEquals(403, denied.statusCode(), RunningExample.text(denied));
                assertTrue(RunningExample.text(denied).contains(
                        "database 'orders' is not granted to this module: add it to weft.wasm.modules.visits.databases"),
                        RunningExample.text(denied));
                assertTrue(server.log().contains("database 'orders' is not granted"), "one line in the log");
                assertEquals(1, count(get(server, "/visits/after-denial")));
            }
        }

        @Test
        void aStatementLongerThanTheModulesDeadlineIsCancelled() throws Exception {
            try (RunningExample server = start()) {
                HttpResponse<byte[]> slow = get(server, "/data-probe/slow");
                // 504 when the guest is stopped at its deadline; 500 when it reports the cancelled
                // statement first. Either way the statement did not run its ten billion rows.
                assertTrue(slow.statusCode() == 504 || slow.statusCode() == 500,
                        slow.statusCode() + " " + RunningExample.text(slow));
                String metrics = RunningExample.text(get(server, "/metrics"));
                assertTrue(metrics.contains("weft_db_calls_seconds_count{datasource=\"orders\",kind=\"guest-query\",outcome=\"error\"} 1"),
                        "the cancelled statement is counted as an error");
                assertEquals(List.of(), database.statementsStillRunning(), "the database stopped the statement too");
                assertEquals("{\"count\":0,\"quantity\":0}", RunningExample.text(get(server, "/orders/summary")),
                        "the same guest and database serve on");
            }
        }
    }
}

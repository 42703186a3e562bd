package dev.weft.runtime.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;
import dev.weft.runtime.data.DatabaseException;
import dev.weft.runtime.data.Databases;
import dev.weft.runtime.data.KeyValueStore;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The data layer's behaviour, the same on every database: a subclass says how to get a fresh,
 * empty database ({@link SqliteDataLayerTest}, {@link PostgresDataLayerTest}). Each test starts a
 * real server with data source {@code shop} (migrations in src/test/resources/db/migration/shop)
 * and key-value store {@code counters}.
 */
abstract class DataLayerContract {

    private final List<WeftServer> servers = new ArrayList<>();

    /** {@code url}, and {@code user}/{@code password} where needed, of a new empty database. */
    protected abstract Map<String, String> freshDatabase() throws Exception;

    @AfterEach
    void stopServers() {
        servers.forEach(WeftServer::stop);
    }

    private Map<String, String> config(Map<String, String> database, String name) {
        Map<String, String> config = new HashMap<>();
        config.put("server.host", "127.0.0.1");
        config.put("server.port", "0");
        config.put("weft.health.details", "true");
        database.forEach((key, value) -> config.put("weft.datasources." + name + "." + key, value));
        config.put("weft.kv-stores.counters.datasource", name);
        return config;
    }

    private Databases started(Map<String, String> config) {
        WeftServer.Builder builder = WeftServer.builder(WeftConfig.of(config));
        Databases databases = builder.dataSources();
        servers.add(builder.start());
        return databases;
    }

    private Databases shop() throws Exception {
        return started(config(freshDatabase(), "shop"));
    }

    @Test
    void migrationsRunAndATransactionCommitsOrRollsBackAsAWhole() throws Exception {
        Databases databases = shop();
        databases.inTransaction("shop", connection -> insert(connection, 1, "kept"));
        assertThrows(IllegalStateException.class, () -> databases.inTransaction("shop", connection -> {
            insert(connection, 2, "rolled back");
            throw new IllegalStateException("the handler failed after its insert");
        }));
        assertEquals(List.of("kept"), names(databases));
    }

    @Test
    void aRestartOnACurrentDatabaseSkipsFlywayAndKeepsTheData() throws Exception {
        Map<String, String> config = config(freshDatabase(), "shop");
        Databases first = started(config);
        first.inTransaction("shop", connection -> insert(connection, 1, "before the restart"));
        first.keyValueStore("counters").increment("starts", 1);
        // What the next start checks before it would call Flyway: both histories are current.
        ClassLoader loader = DataLayerContract.class.getClassLoader();
        assertTrue(SchemaHistoryCheck.upToDate(first.dataSource("shop"), Migrations.APPLICATION_HISTORY,
                List.of("classpath:db/migration/shop"), loader));
        String vendor = config.get("weft.datasources.shop.url").startsWith("jdbc:sqlite:") ? "sqlite" : "postgresql";
        assertTrue(SchemaHistoryCheck.upToDate(first.dataSource("shop"), Migrations.FRAMEWORK_HISTORY,
                List.of("classpath:weft-kv-migrations/" + vendor), loader));
        servers.remove(servers.size() - 1).stop();

        Databases second = started(config);
        assertEquals(List.of("before the restart"), names(second));
        assertEquals(2, second.keyValueStore("counters").increment("starts", 1));
    }

    @Test
    void anInjectionAttemptThroughAParameterStaysData() throws Exception {
        Databases databases = shop();
        String hostile = "x'); DROP TABLE items; --";
        databases.inTransaction("shop", connection -> insert(connection, 7, hostile));
        assertEquals(List.of(hostile), names(databases));
        KeyValueStore store = databases.keyValueStore("counters");
        store.set("' OR 1=1 --", "v".getBytes(StandardCharsets.UTF_8));
        assertFalse(store.exists("anything"), "the key matched only itself");
        assertEquals(List.of("' OR 1=1 --"), store.keys("", 10));
    }

    @Test
    void fiftyConcurrentWritersLoseNoUpdate() throws Exception {
        Databases databases = shop();
        KeyValueStore store = databases.keyValueStore("counters");
        int writers = 50;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                work.add(() -> {
                    for (int n = 0; n < each; n++) {
                        store.increment("visits", 1);
                        // read-then-write in a transaction: no update may be lost either
                        databases.inTransaction("shop", connection -> {
                            long total;
                            try (PreparedStatement read = connection.prepareStatement(
                                            "SELECT total FROM tally WHERE id = 1" + forUpdate());
                                    ResultSet rows = read.executeQuery()) {
                                rows.next();
                                total = rows.getLong(1);
                            }
                            try (PreparedStatement write = connection.prepareStatement("UPDATE tally SET total = ? WHERE id = 1")) {
                                write.setLong(1, total + 1);
                                return write.executeUpdate();
                            }
                        });
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals((long) writers * each, store.increment("visits", 0));
        assertEquals((long) writers * each, (long) databases.inTransaction("shop", connection -> {
            try (PreparedStatement read = connection.prepareStatement("SELECT total FROM tally WHERE id = 1");
                    ResultSet rows = read.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }));
    }

    /** How a read-then-write transaction locks the row it reads: SQLite's lock is the database's. */
    protected abstract String forUpdate();

    @Test
    void theKeyValueStoreGetsSetsDeletesListsAndCounts() throws Exception {
        KeyValueStore store = shop().keyValueStore("counters");
        byte[] value = {0, 1, 2, (byte) 255};
        assertEquals(Optional.empty(), store.get("a/1"));
        store.set("a/1", value);
        store.set("a/2", new byte[0]);
        store.set("b/1", value);
        assertArrayEquals(value, store.get("a/1").orElseThrow());
        assertTrue(store.exists("a/2"));
        assertEquals(List.of("a/1", "a/2"), store.keys("a/", 100));
        assertEquals(List.of("a/1"), store.keys("a/", 1));
        assertTrue(store.delete("a/1"));
        assertFalse(store.delete("a/1"));
        assertEquals(5, store.increment("n", 5));
        assertEquals(2, store.increment("n", -3));
        assertEquals("2", new String(store.get("n").orElseThrow(), StandardCharsets.UTF_8));
        DatabaseException plain = assertThrows(DatabaseException.class, () -> store.increment("b/1", 1));
        assertTrue(plain.getMessage().contains("not a counter"), plain.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.set("k".repeat(KeyValueStore.MAX_KEY_BYTES + 1), value));
        assertThrows(IllegalArgumentException.class, () -> store.set("big", new byte[KeyValueStore.MAX_VALUE_BYTES + 1]));
    }

    @Test
    void healthAndMetricsReportEachDataSource() throws Exception {
        Map<String, String> config = config(freshDatabase(), "shop");
        WeftServer.Builder builder = WeftServer.builder(WeftConfig.of(config));
        Databases databases = builder.dataSources();
        WeftServer server = builder.start();
        servers.add(server);
        databases.keyValueStore("counters").increment("seen", 1);

        HttpResponse<String> health = get(server, "/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"dataSources\":{\"shop\":{\"status\":\"UP\""), health.body());
        HttpResponse<String> metrics = get(server, "/metrics");
        assertTrue(metrics.body().contains("hikaricp_connections_active{pool=\"shop\"}"), "pool use");
        assertTrue(metrics.body().contains("weft_db_calls_seconds_count{datasource=\"shop\",kind=\"kv\",outcome=\"ok\"}"),
                "call time");
    }

    /**
     * Anyone may call /health, as often as they like: it never waits for a connection the pool has
     * not got (here the pool's two are held, and a borrow would wait the 30 s connection timeout),
     * and a flood of calls asks the database at most once a second.
     */
    @Test
    void healthNeitherWaitsForABusyPoolNorFloodsTheDatabase() throws Exception {
        Map<String, String> config = config(freshDatabase(), "shop");
        config.put("weft.datasources.shop.pool-size", "2");
        config.put("weft.datasources.shop.connection-timeout", "PT30S");
        WeftServer.Builder builder = WeftServer.builder(WeftConfig.of(config));
        Databases databases = builder.dataSources();
        WeftServer server = builder.start();
        servers.add(server);

        try (java.sql.Connection first = databases.dataSource("shop").getConnection();
                java.sql.Connection second = databases.dataSource("shop").getConnection()) {
            HttpResponse<String> health = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> get(server, "/health"),
                    "/health waited for a connection");
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"shop\":{\"status\":\"UP\",\"activeConnections\":2"), health.body());
        }

        double before = connectionsAcquired(server);
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertEquals(200, get(server, "/health").statusCode());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double borrowed = connectionsAcquired(server) - before;
        assertTrue(borrowed <= Math.ceil(seconds) + 1, borrowed + " connections borrowed by 50 /health calls in " + seconds + " s");
    }

    private static double connectionsAcquired(WeftServer server) throws Exception {
        java.util.regex.Matcher count = java.util.regex.Pattern
                .compile("(?m)^hikaricp_connections_acquire_seconds_count\\{pool=\"shop\"} (\\S+)$")
                .matcher(get(server, "/metrics").body());
        assertTrue(count.find(), "Hikari's acquisition count in /metrics");
        return Double.parseDouble(count.group(1));
    }

    @Test
    void aFailingMigrationStopsStartUpWithOneMessageAndNoListener() throws Exception {
        Map<String, String> config = config(freshDatabase(), "broken");
        config.put("weft.datasources.broken.migrations", "classpath:db/broken");
        config.remove("weft.kv-stores.counters.datasource");
        int port = freePort();
        config.put("server.port", Integer.toString(port));
        DatabaseException failure = assertThrows(DatabaseException.class,
                () -> WeftServer.builder(WeftConfig.of(config)).start());
        assertTrue(failure.getMessage().startsWith("data source 'broken'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("migration failed"), failure.getMessage());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "nothing listens");
    }

    static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static HttpResponse<String> get(WeftServer server, String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static int insert(java.sql.Connection connection, long id, String name) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO items (id, name) VALUES (?, ?)")) {
            statement.setLong(1, id);
            statement.setString(2, name);
            return statement.executeUpdate();
        }
    }

    private static List<String> names(Databases databases) {
        return databases.inTransaction("shop", connection -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM items ORDER BY id");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }
}

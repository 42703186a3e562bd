package dev.weft.runtime.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;
import dev.weft.runtime.data.DatabaseException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data-layer contract on a real PostgreSQL server of its own (see {@link PostgresServer}). */
class PostgresDataLayerTest extends DataLayerContract {

    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected Map<String, String> freshDatabase() throws Exception {
        return postgres.freshDatabase();
    }

    @Override
    protected String forUpdate() {
        return " FOR UPDATE";
    }

    /** /health is a readiness check: 503 DOWN while the database refuses connections, 200 UP once it is back. */
    @Test
    void healthFollowsTheDatabaseDownAndUpAgain() throws Exception {
        Map<String, String> database = postgres.freshDatabase();
        String name = database.get("url").substring(database.get("url").lastIndexOf('/') + 1);
        Map<String, String> config = new HashMap<>(Map.of("server.host", "127.0.0.1", "server.port", "0",
                "weft.health.details", "true", "weft.datasources.shop.connection-timeout", "PT1S"));
        database.forEach((key, value) -> config.put("weft.datasources.shop." + key, value));
        WeftServer server = WeftServer.builder(WeftConfig.of(config)).start();
        try {
            assertEquals(200, get(server, "/health").statusCode());

            postgres.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            postgres.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            HttpResponse<String> down = awaitHealth(server, 503);
            assertTrue(down.body().contains("\"shop\":{\"status\":\"DOWN\""), down.body());

            postgres.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            HttpResponse<String> up = awaitHealth(server, 200);
            assertTrue(up.body().contains("\"shop\":{\"status\":\"UP\""), up.body());
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> awaitHealth(WeftServer server, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> health = get(server, "/health");
        while (health.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            health = get(server, "/health");
        }
        assertEquals(status, health.statusCode(), health.body());
        return health;
    }

    @Test
    void anUnreachableServerStopsStartUpWithOneMessage() throws Exception {
        int nobodyListens = freePort();
        DatabaseException failure = assertThrows(DatabaseException.class, () -> WeftServer.builder(WeftConfig.of(Map.of(
                "server.port", "0",
                "weft.datasources.shop.url", "jdbc:postgresql://127.0.0.1:" + nobodyListens + "/shop",
                "weft.datasources.shop.connection-timeout", "PT1S"))).start());
        assertTrue(failure.getMessage().startsWith("data source 'shop' (jdbc:postgresql://127.0.0.1:" + nobodyListens
                + "/shop) is unreachable: "), failure.getMessage());
    }
}

package dev.weft.runtime.internal.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;
import dev.weft.runtime.data.DatabaseException;
import java.util.Map;
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

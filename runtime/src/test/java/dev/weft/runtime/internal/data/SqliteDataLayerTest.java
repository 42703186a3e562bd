package dev.weft.runtime.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;
import dev.weft.runtime.data.DatabaseException;
import dev.weft.runtime.data.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-layer contract on SQLite, each test in a file of its own; plus SQLite's own cases. */
class SqliteDataLayerTest extends DataLayerContract {

    @TempDir
    Path folder;
    private int databases;

    @Override
    protected Map<String, String> freshDatabase() {
        // A folder that does not exist yet: the server creates it.
        return Map.of("url", "jdbc:sqlite:" + folder.resolve("db" + ++databases).resolve("data.db"));
    }

    @Override
    protected String forUpdate() {
        return "";
    }

    @Test
    void theDatabaseRunsInWriteAheadLogModeWithFullSync() throws Exception {
        String url = freshDatabase().get("url");
        WeftServer.Builder builder = WeftServer.builder(WeftConfig.of(Map.of("server.port", "0",
                "weft.datasources.shop.url", url)));
        Databases databases = builder.dataSources();
        WeftServer server = builder.start();
        try {
            assertEquals("wal", pragma(databases, "journal_mode"));
            assertEquals("2", pragma(databases, "synchronous"), "FULL");
            assertTrue(Files.exists(Path.of(url.substring("jdbc:sqlite:".length()))));
        } finally {
            server.stop();
        }
    }

    @Test
    void anUnsupportedUrlIsRefusedWhenTheConfigurationIsRead() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WeftServer.builder(WeftConfig.of(Map.of("weft.datasources.shop.url", "jdbc:mysql://x/y"))));
        assertTrue(refused.getMessage().startsWith("weft.datasources.shop.url"), refused.getMessage());
    }

    @Test
    void anUnopenableDatabaseFileStopsStartUp() throws Exception {
        Path notAFile = Files.createDirectories(folder.resolve("a-folder.db"));
        DatabaseException failure = assertThrows(DatabaseException.class, () -> WeftServer.builder(WeftConfig.of(Map.of(
                "server.port", "0", "weft.datasources.shop.url", "jdbc:sqlite:" + notAFile))).start());
        assertTrue(failure.getMessage().startsWith("data source 'shop'"), failure.getMessage());
    }

    private static String pragma(Databases databases, String name) {
        return databases.inTransaction("shop", connection -> {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery("PRAGMA " + name)) {
                rows.next();
                return rows.getString(1);
            }
        });
    }
}

package dev.weft.example;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of the packaged example on a fresh, empty database of their own: a subclass says which
 * ({@link OrdersDatabase#sqlite} or {@link OrdersDatabase#freshPostgresql}), so that the same tests
 * run on both.
 */
abstract class ExampleOnADatabase {

    @TempDir
    Path data;

    OrdersDatabase database;

    /** The database of this test, fresh and empty. */
    abstract OrdersDatabase database(Path dataFolder) throws Exception;

    @BeforeEach
    void createTheDatabase() throws Exception {
        database = database(data);
    }

    /** The example on this test's database and data folder, with an API key of the role {@code user}. */
    RunningExample start(String apiKey) throws Exception {
        return RunningExample.start(Map.of("EXAMPLE_DATA_DIR", data.toString(), "EXAMPLE_API_KEY", apiKey,
                "EXAMPLE_API_KEY_ROLES", "user"), database.serverProperties().toArray(String[]::new));
    }
}

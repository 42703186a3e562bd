package dev.weft.example;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the example keeps its data: the folder named by {@code EXAMPLE_DATA_DIR} (default
 * {@code ./data}, created when missing), with the orders and the key-value stores in one SQLite
 * file, {@code orders.db}. Setting {@code weft.datasources.orders.url} (say, to a PostgreSQL URL)
 * overrides it.
 */
final class ExampleData {

    private ExampleData() {}

    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        String folder = environment.getOrDefault("EXAMPLE_DATA_DIR", "");
        Path file = Path.of(folder.isBlank() ? "data" : folder).resolve("orders.db");
        return Map.of("weft.datasources.orders.url", "jdbc:sqlite:" + file);
    }
}

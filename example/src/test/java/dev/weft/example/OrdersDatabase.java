package dev.weft.example;

import dev.weft.runtime.internal.data.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The database a test's example server keeps its orders (and key-value stores) in: SQLite, the
 * default, in the server's data folder; or a fresh, empty database on a private PostgreSQL server,
 * so that tests do not see each other's rows. The server is pointed at it by system properties,
 * and the test can read it directly, beside the server, to see where the orders went.
 */
abstract class OrdersDatabase {

    /** The default: {@code orders.db} in {@code dataFolder}, the server's EXAMPLE_DATA_DIR. */
    static OrdersDatabase sqlite(Path dataFolder) {
        return new OrdersDatabase() {
            @Override
            List<String> serverProperties() {
                return List.of();
            }

            @Override
            Connection connect() throws SQLException {
                return DriverManager.getConnection("jdbc:sqlite:" + dataFolder.resolve("orders.db"));
            }

            @Override
            List<String> statementsStillRunning() {
                // No server to ask: SQLite runs statements inside the example's process, where the
                // test sees the cancelled one counted as an error.
                return List.of();
            }
        };
    }

    /**
     * A new empty database on the PostgreSQL server that this test JVM starts once (and stops when
     * it exits). Without PostgreSQL's binaries this fails, naming weft_use_postgresql.
     */
    static OrdersDatabase freshPostgresql() throws Exception {
        Map<String, String> settings = SharedPostgres.server().freshDatabase();
        return new OrdersDatabase() {
            @Override
            List<String> serverProperties() {
                return List.of("-Dweft.datasources.orders.url=" + settings.get("url"),
                        "-Dweft.datasources.orders.user=" + settings.get("user"),
                        "-Dweft.datasources.orders.password=" + settings.get("password"));
            }

            @Override
            Connection connect() throws SQLException {
                return DriverManager.getConnection(settings.get("url"), settings.get("user"), settings.get("password"));
            }

            @Override
            List<String> statementsStillRunning() throws SQLException {
                List<String> running = new ArrayList<>();
                try (Connection connection = connect();
                        Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT query FROM pg_stat_activity WHERE state = 'active'"
                                + " AND datname = current_database() AND pid <> pg_backend_pid()")) {
                    while (rows.next()) {
                        running.add(rows.getString(1));
                    }
                }
                return running;
            }
        };
    }

    /** The system properties that point the example server at this database. */
    abstract List<String> serverProperties();

    abstract Connection connect() throws SQLException;

    /** The statements the database server is running now for others than the caller. */
    abstract List<String> statementsStillRunning() throws SQLException;

    /** The number of orders stored, read from the database itself rather than through the server. */
    long countOrders() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM orders")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One PostgreSQL server for all the tests of this JVM: starting one takes seconds. */
    private static final class SharedPostgres {

        private static PostgresServer server;

        static synchronized PostgresServer server() throws Exception {
            if (server == null) {
                server = PostgresServer.start();
                PostgresServer started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (Exception e) {
                        System.err.println("could not stop the test PostgreSQL server: " + e);
                    }
                }));
            }
            return server;
        }
    }
}

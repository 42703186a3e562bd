package dev.weft.runtime.data;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The application's data sources, owned by its {@link dev.weft.runtime.WeftServer}: take them from
 * {@code WeftServer.Builder.dataSources()} and hand them to Java handlers by constructor, as the
 * generated wasm classes take {@code WasmModules}. Each name is configured under
 * {@code weft.datasources.<name>} (runtime/README.md, "Data sources"); the server opens the pools
 * and runs the migrations before it listens, reports them in {@code /health} and {@code /metrics},
 * and closes them when it stops.
 */
public interface Databases {

    /**
     * The pooled data source of that name. Usable once the server has started.
     *
     * @throws IllegalArgumentException when no data source of that name is configured
     */
    DataSource dataSource(String name);

    /** A key-value store backed by a data source (see {@link KeyValueStore}). */
    KeyValueStore keyValueStore(String name);

    /**
     * Runs {@code work} in one transaction on a connection of data source {@code name}: commits
     * when it returns, rolls back when it throws. On SQLite the transaction takes the write lock
     * when it begins, so concurrent read-then-write transactions wait instead of failing.
     *
     * @throws DatabaseException wrapping the {@link SQLException} that ended the transaction
     */
    default <T> T inTransaction(String name, SqlWork<T> work) {
        try (Connection connection = dataSource(name).getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("data source '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Work on one connection, inside a transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}

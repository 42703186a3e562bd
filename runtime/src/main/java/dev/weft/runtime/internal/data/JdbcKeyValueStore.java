package dev.weft.runtime.internal.data;

import dev.weft.runtime.data.DatabaseException;
import dev.weft.runtime.data.KeyValueStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link KeyValueStore} in the table {@code weft_kv} of a data source; every operation is one
 * statement in auto-commit, the same SQL on SQLite (3.35+) and PostgreSQL.
 */
public final class JdbcKeyValueStore implements KeyValueStore {

    private static final String GET = "SELECT value, counter FROM weft_kv WHERE store = ? AND key = ?";
    private static final String SET = "INSERT INTO weft_kv (store, key, value, counter) VALUES (?, ?, ?, NULL) "
            + "ON CONFLICT (store, key) DO UPDATE SET value = excluded.value, counter = NULL";
    private static final String DELETE = "DELETE FROM weft_kv WHERE store = ? AND key = ?";
    private static final String EXISTS = "SELECT 1 FROM weft_kv WHERE store = ? AND key = ?";
    // The keys with a prefix are the ones from the prefix on, in order, as long as they start with it.
    private static final String KEYS = "SELECT key FROM weft_kv WHERE store = ? AND key >= ? ORDER BY key LIMIT ?";
    // One statement, so atomic on both databases; a plain value (counter NULL) is left alone and
    // returns no row.
    private static final String INCREMENT = "INSERT INTO weft_kv (store, key, value, counter) VALUES (?, ?, NULL, ?) "
            + "ON CONFLICT (store, key) DO UPDATE SET counter = weft_kv.counter + excluded.counter "
            + "WHERE weft_kv.counter IS NOT NULL RETURNING counter";

    private final String name;
    private final DataSource dataSource;
    private final DataMetrics.Source metrics;

    JdbcKeyValueStore(String name, DataSource dataSource, DataMetrics.Source metrics) {
        this.name = name;
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return name;
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public Optional<byte[]> get(String key) {
        checkKey(key);
        return call(connection -> {
            try (PreparedStatement statement = prepare(connection, GET, key)) {
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    byte[] value = rows.getBytes(1);
                    if (value == null) {
                        value = Long.toString(rows.getLong(2)).getBytes(StandardCharsets.UTF_8);
                    }
                    return Optional.of(value);
                }
            }
        });
    }

    @Override
    public void set(String key, byte[] value) {
        checkKey(key);
        if (value.length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("key-value store '" + name + "': a value is at most "
                    + MAX_VALUE_BYTES + " bytes, not " + value.length);
        }
        call(connection -> {
            try (PreparedStatement statement = prepare(connection, SET, key)) {
                statement.setBytes(3, value);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public boolean delete(String key) {
        checkKey(key);
        return call(connection -> {
            try (PreparedStatement statement = prepare(connection, DELETE, key)) {
                return statement.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean exists(String key) {
        checkKey(key);
        return call(connection -> {
            try (PreparedStatement statement = prepare(connection, EXISTS, key);
                    ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    @Override
    public List<String> keys(String prefix, int limit) {
        int max = Math.max(0, Math.min(limit, MAX_KEYS));
        return call(connection -> {
            try (PreparedStatement statement = prepare(connection, KEYS, prefix)) {
                statement.setInt(3, max);
                List<String> keys = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String key = rows.getString(1);
                        if (!key.startsWith(prefix)) {
                            break;
                        }
                        keys.add(key);
                    }
                }
                return keys;
            }
        });
    }

    @Override
    public long increment(String key, long delta) {
        checkKey(key);
        return call(connection -> {
            try (PreparedStatement statement = prepare(connection, INCREMENT, key)) {
                statement.setLong(3, delta);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw new DatabaseException("key-value store '" + name + "': '" + key
                                + "' holds a value, not a counter");
                    }
                    return rows.getLong(1);
                }
            }
        });
    }

    private PreparedStatement prepare(Connection connection, String sql, String key) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, name);
        statement.setString(2, key);
        return statement;
    }

    private void checkKey(String key) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("key-value store '" + name + "': a key is 1 to " + MAX_KEY_BYTES
                    + " bytes of UTF-8, not " + bytes);
        }
    }

    private <T> T call(Work<T> work) {
        long started = System.nanoTime();
        boolean ok = false;
        try (Connection connection = dataSource.getConnection()) {
            T result = work.apply(connection);
            ok = true;
            return result;
        } catch (SQLException e) {
            throw new DatabaseException("key-value store '" + name + "': " + e.getMessage(), e);
        } finally {
            metrics.record("kv", ok, System.nanoTime() - started);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }
}

package dev.weft.runtime.internal.data;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.weft.runtime.data.DatabaseException;
import dev.weft.runtime.data.Databases;
import dev.weft.runtime.data.KeyValueStore;
import dev.weft.runtime.internal.metrics.WeftMetrics;
import io.helidon.config.Config;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The server's {@link Databases}: one Hikari pool per {@code weft.datasources.<name>}, and the
 * key-value stores of {@code weft.kv-stores.<name>}. The pools are made when the configuration is
 * read but connect only in {@link #open}, which the server calls before it listens: it runs each
 * data source's migrations and checks a connection, so that a database that is unreachable or a
 * migration that fails stops start-up with one message.
 */
public final class DataSourceRegistry implements Databases, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("weft.data");

    private final Map<String, DataSourceSettings> settings = new LinkedHashMap<>();
    private final Map<String, HikariDataSource> pools = new LinkedHashMap<>();
    private final Map<String, DataSourceHealth> health = new LinkedHashMap<>();
    private final Map<String, JdbcKeyValueStore> stores = new LinkedHashMap<>();
    private final DataMetrics metrics = new DataMetrics(WeftMetrics.registry());
    private volatile boolean open;

    public DataSourceRegistry(Config config) {
        Config dataSources = config.get(DataSourceSettings.CONFIG_KEY);
        for (Config node : dataSources.asNodeList().orElse(java.util.List.of())) {
            DataSourceSettings source = DataSourceSettings.from(dataSources, node.name());
            settings.put(source.name(), source);
            HikariDataSource pool = Pools.create(source, new MicrometerMetricsTrackerFactory(WeftMetrics.registry()));
            pools.put(source.name(), pool);
            health.put(source.name(), new DataSourceHealth(pool));
        }
        for (KeyValueStoreSettings store : KeyValueStoreSettings.all(config, settings.keySet())) {
            stores.put(store.name(), new JdbcKeyValueStore(store.name(), pools.get(store.dataSource()), metrics.forSource(store.dataSource())));
        }
    }

    /** No data sources at all. */
    public static DataSourceRegistry empty() {
        return new DataSourceRegistry(Config.empty());
    }

    /**
     * Connects every data source and migrates it: the application's migrations, then the
     * framework's own table for the key-value stores it backs.
     *
     * @throws DatabaseException naming the data source and what failed
     */
    public void open() {
        for (DataSourceSettings source : settings.values()) {
            long started = System.nanoTime();
            createFolder(source);
            HikariDataSource pool = pools.get(source.name());
            try (Connection connection = pool.getConnection()) {
                if (!connection.isValid(5)) {
                    throw new SQLException("the connection is not valid");
                }
            } catch (SQLException | RuntimeException e) {
                throw new DatabaseException("data source '" + source.name() + "' (" + source.safeUrl()
                        + ") is unreachable: " + rootMessage(e), e);
            }
            int applied = Migrations.run(source, pool, backsKeyValueStore(source.name()));
            LOG.log(Level.INFO, "data source ''{0}'' ({1}) ready in {2,number,#} ms: {3} migrations applied, pool of {4}",
                    source.name(), source.safeUrl(), (System.nanoTime() - started) / 1_000_000, applied,
                    source.poolSize());
        }
        open = true;
    }

    @Override
    public DataSource dataSource(String name) {
        HikariDataSource pool = pools.get(name);
        if (pool == null) {
            throw new IllegalArgumentException("no data source '" + name + "': configure "
                    + DataSourceSettings.key(name, "url") + " (configured: " + pools.keySet() + ")");
        }
        return pool;
    }

    @Override
    public KeyValueStore keyValueStore(String name) {
        JdbcKeyValueStore store = stores.get(name);
        if (store == null) {
            throw new IllegalArgumentException("no key-value store '" + name + "': configure "
                    + KeyValueStoreSettings.CONFIG_KEY + "." + name + ".datasource (configured: " + stores.keySet() + ")");
        }
        return store;
    }

    @Override
    public <T> T inTransaction(String name, SqlWork<T> work) {
        DataMetrics.Source meters = metrics.forSource(name);
        long started = System.nanoTime();
        boolean ok = false;
        try {
            T result = Databases.super.inTransaction(name, work);
            ok = true;
            return result;
        } finally {
            meters.record("transaction", ok, System.nanoTime() - started);
        }
    }

    /** The stores by name, for the guests' host imports. */
    public Map<String, JdbcKeyValueStore> stores() {
        return Collections.unmodifiableMap(stores);
    }

    public DataMetrics metrics() {
        return metrics;
    }

    public boolean isEmpty() {
        return pools.isEmpty();
    }

    /**
     * Each data source's state for {@code /health}: {@code UP} when a connection answered within a
     * second at the last check ({@link DataSourceHealth}: at most one a second), with the pool's use.
     */
    public Map<String, Map<String, Object>> health() {
        Map<String, Map<String, Object>> states = new TreeMap<>();
        pools.forEach((name, pool) -> {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("status", open && health.get(name).up() ? "UP" : "DOWN");
            HikariPoolMXBean bean = pool.getHikariPoolMXBean();
            if (bean != null) {
                state.put("activeConnections", bean.getActiveConnections());
                state.put("idleConnections", bean.getIdleConnections());
            }
            state.put("maxConnections", pool.getMaximumPoolSize());
            states.put(name, state);
        });
        return states;
    }

    private boolean backsKeyValueStore(String dataSource) {
        return stores.values().stream().anyMatch(store -> store.dataSource() == pools.get(dataSource));
    }

    private static void createFolder(DataSourceSettings source) {
        Path file = source.sqliteFile();
        if (file != null && file.toAbsolutePath().getParent() != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new DatabaseException("data source '" + source.name() + "': cannot create the folder of "
                        + file.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().replaceAll("\\s+", " ");
    }

    @Override
    public void close() {
        open = false;
        pools.values().forEach(HikariDataSource::close);
    }
}

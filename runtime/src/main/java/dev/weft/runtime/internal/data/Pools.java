package dev.weft.runtime.internal.data;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;

/** Hikari pools configured for each database's needs. */
final class Pools {

    private Pools() {}

    /**
     * A pool that connects on first use. SQLite runs with a write-ahead log and
     * {@code synchronous=FULL}: each commit is on disk before it returns, so a write acknowledged
     * to a client survives {@code kill -9} and power loss; writers wait for each other (busy
     * timeout) rather than fail, and a transaction takes the write lock when it begins
     * ({@code IMMEDIATE}), so that two read-then-write transactions cannot deadlock.
     */
    static HikariDataSource create(DataSourceSettings source, MetricsTrackerFactory metrics) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(source.name());
        pool.setJdbcUrl(source.url());
        pool.setUsername(source.user());
        pool.setPassword(source.password());
        pool.setMaximumPoolSize(source.poolSize());
        // SQLite has one writer and no network round trip to save: one idle connection (each holds
        // its own page cache) is enough; a server database keeps two ready.
        pool.setMinimumIdle(Math.min(source.sqlite() ? 1 : 2, source.poolSize()));
        pool.setConnectionTimeout(Math.max(250, source.connectionTimeout().toMillis()));
        pool.setMetricsTrackerFactory(metrics);
        if (source.sqlite()) {
            pool.addDataSourceProperty("journal_mode", "WAL");
            pool.addDataSourceProperty("synchronous", "FULL");
            pool.addDataSourceProperty("busy_timeout", "10000");
            pool.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            pool.addDataSourceProperty("foreign_keys", "true");
        } else {
            // Fail fast on an unreachable server instead of the driver's default of ten seconds.
            pool.addDataSourceProperty("connectTimeout", "5");
        }
        return pool;
    }
}

package dev.weft.runtime.internal.data;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether one data source answers, for {@code /health}, which anyone may call as often as they
 * like: so the database is asked at most once a {@link #INTERVAL_NANOS second}, by one caller at a
 * time (the others get the last answer at once), and never while every connection of the pool is
 * in use, where asking would wait for one to come free (up to the pool's connection timeout) and
 * take it from a request. A pool that busy has its answer already: its connections work.
 */
final class DataSourceHealth {

    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final HikariDataSource pool;
    private final AtomicBoolean checking = new AtomicBoolean();
    /** Start-up checked a connection before the server listened. */
    private volatile boolean up = true;
    private volatile long checkedAt = System.nanoTime() - INTERVAL_NANOS;

    DataSourceHealth(HikariDataSource pool) {
        this.pool = pool;
    }

    boolean up() {
        if (pool.isClosed()) {
            return false;
        }
        if (System.nanoTime() - checkedAt < INTERVAL_NANOS || !checking.compareAndSet(false, true)) {
            return up;
        }
        try {
            if (!allConnectionsInUse()) {
                up = answers();
                checkedAt = System.nanoTime();
            }
            return up;
        } finally {
            checking.set(false);
        }
    }

    private boolean allConnectionsInUse() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        return bean != null && bean.getIdleConnections() == 0 && bean.getActiveConnections() >= pool.getMaximumPoolSize();
    }

    private boolean answers() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}

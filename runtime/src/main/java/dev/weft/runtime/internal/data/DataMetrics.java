package dev.weft.runtime.internal.data;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code weft.db.calls}: the time of each database call the framework makes (a Java
 * {@code inTransaction}, a key-value operation, a guest's query), tagged by data source, kind and
 * outcome. Hikari's own meters ({@code hikaricp.connections.*}, tagged {@code pool}) show the pool.
 */
public final class DataMetrics {

    private final MeterRegistry registry;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();

    DataMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public Source forSource(String dataSource) {
        return sources.computeIfAbsent(dataSource, Source::new);
    }

    /** The meters of one data source. */
    public final class Source {

        private final String dataSource;
        private final Map<String, Timer> timers = new ConcurrentHashMap<>();

        private Source(String dataSource) {
            this.dataSource = dataSource;
        }

        /** @param kind {@code transaction}, {@code kv} or {@code guest} */
        public void record(String kind, boolean ok, long nanos) {
            timers.computeIfAbsent(kind + (ok ? "/ok" : "/error"), ignored -> Timer.builder("weft.db.calls")
                            .description("database calls made through the framework")
                            .tag("datasource", dataSource)
                            .tag("kind", kind)
                            .tag("outcome", ok ? "ok" : "error")
                            .register(registry))
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}

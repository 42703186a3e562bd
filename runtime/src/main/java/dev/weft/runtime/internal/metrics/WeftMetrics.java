package dev.weft.runtime.internal.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's metrics, in one Micrometer registry that renders the Prometheus text format at
 * {@code GET /metrics}: the JVM's (memory, garbage collection, threads, processor, uptime), the
 * HTTP server's, and every wasm module's.
 */
public final class WeftMetrics {

    private static final PrometheusMeterRegistry REGISTRY = create();

    private WeftMetrics() {}

    public static PrometheusMeterRegistry registry() {
        return REGISTRY;
    }

    /** Every meter, in the Prometheus text exposition format. */
    public static String scrape() {
        return REGISTRY.scrape();
    }

    private static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }
}

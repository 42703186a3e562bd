package dev.weft.runtime.internal.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process's metrics, in one Micrometer registry that renders the Prometheus text format at
 * {@code GET /metrics}: the JVM's (memory, garbage collection, threads, processor, uptime), the
 * HTTP server's, and every wasm module's.
 *
 * <p>The JVM's meters are bound at the first scrape, not at start-up: binding them walks the
 * JVM's management beans, which is start-up work that no request needs (about 70 ms on one CPU
 * of a small device). Their gauges read the JVM at each scrape, so they lose nothing; the garbage
 * collection counters count from the first scrape on.
 */
public final class WeftMetrics {

    private static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static final AtomicBoolean JVM_METERS_BOUND = new AtomicBoolean();

    private WeftMetrics() {}

    public static PrometheusMeterRegistry registry() {
        return REGISTRY;
    }

    /** Every meter, in the Prometheus text exposition format. */
    public static String scrape() {
        if (!JVM_METERS_BOUND.get()) {
            bindJvmMeters();
        }
        return REGISTRY.scrape();
    }

    private static synchronized void bindJvmMeters() {
        if (JVM_METERS_BOUND.get()) {
            return;
        }
        new JvmMemoryMetrics().bindTo(REGISTRY);
        new JvmGcMetrics().bindTo(REGISTRY);
        new JvmThreadMetrics().bindTo(REGISTRY);
        new ClassLoaderMetrics().bindTo(REGISTRY);
        new ProcessorMetrics().bindTo(REGISTRY);
        new UptimeMetrics().bindTo(REGISTRY);
        JVM_METERS_BOUND.set(true);
    }
}

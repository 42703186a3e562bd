package dev.weft.runtime.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The meters of one wasm module, each tagged {@code module}; runtime/README.md lists them with
 * their Prometheus names. {@code weft.wasm.calls} times the calls into the exports an application
 * binds (not the guest allocator's, unless one fails), by {@link Outcome}.
 */
public final class ModuleMetrics {

    /** How a call into a guest ended. */
    public enum Outcome {
        OK,
        /** The guest ended the request on purpose, through {@code weft.fail}. */
        FAILED,
        /** The guest trapped: unreachable, out-of-bounds access, division by zero, stack exhausted. */
        TRAPPED,
        /** The module's own {@code timeout} stopped the guest. */
        TIMED_OUT,
        /** Something else stopped the guest: the server's handler timeout, or shutdown. */
        INTERRUPTED,
        /** The export returned, but the host could not use its result (a bad buffer, unfitting JSON). */
        ERROR
    }

    private final Map<Outcome, Timer> calls = new EnumMap<>(Outcome.class);
    private final Counter poolWaits;
    private final Counter poolRejections;
    private final Counter instancesCreated;

    public ModuleMetrics(MeterRegistry registry, String module, Supplier<Number> idleInstances) {
        for (Outcome outcome : Outcome.values()) {
            calls.put(outcome, Timer.builder("weft.wasm.calls")
                    .description("calls into a wasm module's exports")
                    .tag("module", module)
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .publishPercentileHistogram()
                    .register(registry));
        }
        poolWaits = Counter.builder("weft.wasm.pool.waits")
                .description("requests that waited for a free instance").tag("module", module).register(registry);
        poolRejections = Counter.builder("weft.wasm.pool.rejections")
                .description("requests refused because no instance came free in time").tag("module", module)
                .register(registry);
        instancesCreated = Counter.builder("weft.wasm.instantiations")
                .description("instances created: at start, after failures, and when memory grew").tag("module", module)
                .register(registry);
        // Held strongly: Micrometer holds a gauge's object weakly, and the supplier is a lambda
        // nothing else references, so a weak gauge would read NaN after the next collection.
        Gauge.builder("weft.wasm.instances", idleInstances, value -> value.get().doubleValue())
                .description("instances idle in the pool, ready for a request")
                .tag("module", module)
                .strongReference(true)
                .register(registry);
    }

    public void call(Outcome outcome, long nanos) {
        calls.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void poolWait() {
        poolWaits.increment();
    }

    public void poolRejection() {
        poolRejections.increment();
    }

    public void instanceCreated() {
        instancesCreated.increment();
    }
}

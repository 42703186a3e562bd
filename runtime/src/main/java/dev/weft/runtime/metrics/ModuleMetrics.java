package dev.weft.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The meters of one wasm module: {@code weft_wasm_calls_seconds} (a histogram of call durations,
 * counted by outcome: ok, failed, trapped, timed out), {@code weft_wasm_pool_waits_total} (borrows
 * that had to wait for an instance), {@code weft_wasm_pool_rejections_total} (borrows that gave up:
 * 503), {@code weft_wasm_instantiations_total} (instances created: many more than requests means
 * instances are replaced rather than reset), and {@code weft_wasm_instances} (instances idle in the
 * pool).
 */
public final class ModuleMetrics {

    /** How a call into a guest ended. */
    public enum Outcome {
        OK,
        /** The guest ended the request on purpose, through {@code weft.fail}. */
        FAILED,
        TRAPPED,
        TIMED_OUT
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
        registry.gauge("weft.wasm.instances", java.util.List.of(io.micrometer.core.instrument.Tag.of("module", module)),
                idleInstances, value -> value.get().doubleValue());
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

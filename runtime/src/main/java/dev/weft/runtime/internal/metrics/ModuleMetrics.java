package dev.weft.runtime.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The meters of one wasm module, each tagged {@code module}; runtime/README.md lists them with
 * their Prometheus names. {@code weft.wasm.calls} times the calls into the exports an application
 * binds (not the guest allocator's, unless one fails), by {@link Outcome}.
 *
 * <p>Its histogram has {@link #BUCKETS fixed buckets}, and an outcome's series appears with its
 * first call ({@code ok} from the start): Micrometer's percentile histogram (69 buckets) for six
 * outcomes of every module made {@code /metrics} 409 KB and 4,554 bucket lines for the example's
 * eleven modules, half a second of CPU per cold scrape on a small device.
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

    /** Call durations from 50 µs (a trivial guest) to a minute (a long computation). */
    static final Duration[] BUCKETS = Stream.of("PT0.00005S", "PT0.0001S", "PT0.00025S", "PT0.0005S", "PT0.001S",
                    "PT0.0025S", "PT0.005S", "PT0.01S", "PT0.025S", "PT0.05S", "PT0.1S", "PT0.25S", "PT0.5S", "PT1S",
                    "PT2.5S", "PT5S", "PT10S", "PT30S", "PT60S")
            .map(Duration::parse).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final String module;
    /** One timer per outcome, registered by its first call (Micrometer's register is idempotent). */
    private final AtomicReferenceArray<Timer> calls = new AtomicReferenceArray<>(Outcome.values().length);
    private final Counter poolWaits;
    private final Counter poolRejections;
    private final Counter instancesCreated;

    public ModuleMetrics(MeterRegistry registry, String module, Supplier<Number> idleInstances) {
        this.registry = registry;
        this.module = module;
        timer(Outcome.OK);
        poolWaits = Counter.builder("weft.wasm.pool.waits")
                .description("requests that waited for a free instance").tag("module", module).register(registry);
        poolRejections = Counter.builder("weft.wasm.pool.rejections")
                .description("requests refused because no instance came free in time").tag("module", module)
                .register(registry);
        instancesCreated = Counter.builder("weft.wasm.instantiations")
                .description("instances created: at start, under load, and after failures").tag("module", module)
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
        timer(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Outcome outcome) {
        Timer timer = calls.get(outcome.ordinal());
        if (timer == null) {
            timer = Timer.builder("weft.wasm.calls")
                    .description("calls into a wasm module's exports")
                    .tag("module", module)
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
            calls.set(outcome.ordinal(), timer);
        }
        return timer;
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

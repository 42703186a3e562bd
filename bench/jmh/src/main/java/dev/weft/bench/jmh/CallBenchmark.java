package dev.weft.bench.jmh;

import dev.weft.bench.jmh.wasm.SmallModule;
import dev.weft.runtime.generated.WasmModuleDefinition;
import dev.weft.runtime.internal.wasm.ModuleHost;
import dev.weft.runtime.internal.wasm.ModuleRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the host adds to a call of a wasm export, beside a Java call through the same interface.
 *
 * <p>A wasm call borrows an instance from the module's pool, hands the work to a guest platform
 * thread and waits for it, calls the export under a deadline and a metrics timer, then resets the
 * instance (unless the module is stateful) and gives it back. The export returns a constant, so
 * all of the time is that machinery. {@code small} and {@code large} differ only in their linear
 * memory, 1 MiB and 64 MiB, which the reset restores in full; {@code stateful=true} skips the
 * reset, which separates its cost from the rest. {@code smallWithoutCall} leaves out the export
 * call itself (with its deadline and timer), leaving the pool and the hand-off.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
// One fork (a shared 2-core machine affords no more), with a fixed heap that does not resize mid-run.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CallBenchmark {

    /** Both modules, bound through the generated {@code NoopApiWasm}. */
    @State(Scope.Benchmark)
    public static class Wasm {

        /** false: instances are reset between calls (the default); true: the modules are stateful. */
        @Param({"false", "true"})
        boolean stateful;

        ModuleRegistry modules;
        NoopApi api;
        ModuleHost smallHost;

        @Setup
        public void start() {
            modules = Modules.create(Map.of(
                    "weft.wasm.modules.small.stateful", String.valueOf(stateful),
                    "weft.wasm.modules.large.stateful", String.valueOf(stateful)));
            api = new NoopApiWasm(modules);
            // The host NoopApiWasm calls: ModuleRegistry keeps one per module.
            smallHost = modules.host(new WasmModuleDefinition("small", SmallModule::load, SmallModule::create));
        }

        @TearDown
        public void stop() {
            modules.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Java {
        final NoopApi api = new JavaNoop();
    }

    @Benchmark
    public int wasmSmall(Wasm wasm) {
        return wasm.api.small();
    }

    @Benchmark
    public int wasmLarge(Wasm wasm) {
        return wasm.api.large();
    }

    /** What NoopApiWasm.small does, but the work given to the guest thread does not call the guest. */
    @Benchmark
    public int smallWithoutCall(Wasm wasm) {
        return wasm.smallHost.call(guest -> 42);
    }

    @Benchmark
    public int java(Java java) {
        return java.api.small();
    }
}

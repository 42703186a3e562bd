package dev.weft.bench.jmh;

import dev.weft.bench.jmh.wasm.MatmulModule;
import dev.weft.runtime.generated.WasmModuleDefinition;
import dev.weft.runtime.internal.wasm.ModuleHost;
import dev.weft.runtime.internal.wasm.ModuleRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The benchmark contract's matrix multiplication (n x n, seed 1): the example's {@code matmul}
 * guest (Rust, built and compiled to bytecode by weft-wasm-aot-maven-plugin with its
 * interruption-check pass, run on FlatMemory) called through its module host as a request does,
 * against the same algorithm in Java ({@link JavaMatmul}). Both compute the whole thing: fill A
 * and B, multiply, sum.
 *
 * <p>{@code tracking} and {@code budget} select variants of the runtime for measuring them
 * (FlatMemory's dirty-page tracking, GuestPoll's budget); each is read once per JVM, and JMH runs
 * every parameter combination in a fresh fork.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class MatmulBenchmark {

    private static final Pattern CHECKSUM = Pattern.compile("\"checksum\":([^,}]+)");

    @Param({"200", "500", "1000"})
    int n;

    /** FlatMemory's tracking of single writes: store (default) or off (weft.wasm.dirty-tracking). */
    @Param({"store"})
    String tracking;

    /** GuestPoll's budget of back-edges between checks (weft.wasm.poll-budget). */
    @Param({"10000"})
    String budget;

    ModuleRegistry modules;
    ModuleHost matmul;

    @Setup
    public void start() {
        System.setProperty("weft.wasm.dirty-tracking", tracking);
        System.setProperty("weft.wasm.poll-budget", budget);
        modules = Modules.create(Map.of(
                "weft.wasm.modules.matmul.max-memory", "256MiB",
                "weft.wasm.modules.matmul.grants", "clock", // the guest times its multiplication
                "weft.wasm.modules.matmul.timeout", "PT120S"));
        matmul = modules.host(new WasmModuleDefinition("matmul", MatmulModule::load, MatmulModule::create));
        double guest = wasm();
        double java = java();
        if (Double.doubleToRawLongBits(guest) != Double.doubleToRawLongBits(java)) {
            throw new IllegalStateException("checksums differ for n=" + n + ": guest " + guest + ", Java " + java);
        }
    }

    @TearDown
    public void stop() {
        modules.close();
    }

    @Benchmark
    public double wasm() {
        String json = matmul.call(guest -> guest.takeText(guest.call("matmul", n, 1L)[0]));
        Matcher checksum = CHECKSUM.matcher(json);
        if (!checksum.find()) {
            throw new IllegalStateException("no checksum in " + json);
        }
        return Double.parseDouble(checksum.group(1));
    }

    @Benchmark
    public double java() {
        return JavaMatmul.checksum(n, 1L);
    }
}

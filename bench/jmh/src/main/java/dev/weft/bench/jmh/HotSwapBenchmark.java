package dev.weft.bench.jmh;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.weft.bench.jmh.wasm.SmallModule;
import dev.weft.runtime.generated.WasmModuleDefinition;
import dev.weft.runtime.internal.wasm.ModuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * What replacing a live module costs: {@link ModuleRegistry#reload}, which the hot-reload folder
 * calls. It parses the new .wasm, checks its exports against the live version's, compiles it to
 * bytecode with Chicory's runtime compiler, instantiates it once to prove that it links, then
 * makes it live with a first instance. Each invocation swaps in the same bytes again: reload
 * caches nothing between versions, so a changed module would cost the same.
 *
 * <p>This is the steady state of a JVM that has reloaded many times. The warmup is long because
 * reloads keep getting faster for half a minute or so here, while the JIT works on the compiler
 * (ASM and Chicory's code generator); the first reload of a process is several times slower
 * still, as the first warmup iteration shows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 10, time = 2)
// One fork (a shared 2-core machine affords no more), with a fixed heap that does not resize mid-run.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HotSwapBenchmark {

    /** The 1 MiB trivial module, live in the version the build compiled ahead of time. */
    @State(Scope.Benchmark)
    public static class Small {

        ModuleRegistry modules;
        byte[] wasm;

        @Setup
        public void start() throws IOException {
            modules = Modules.create(Map.of());
            modules.host(new WasmModuleDefinition("small", SmallModule::load, SmallModule::create));
            try (InputStream in = HotSwapBenchmark.class.getResourceAsStream("/wasm/small.wasm")) {
                wasm = in.readAllBytes();
            }
        }

        @TearDown
        public void stop() {
            modules.close();
        }
    }

    /**
     * The example's matmul guest: Rust with the weft-guest crate, 66 KB, a realistic module. The
     * path is relative to bench/jmh, where run.sh starts the benchmarks; the live version is
     * compiled in the setup, since this project does not build the example's guests.
     */
    @State(Scope.Benchmark)
    public static class Matmul {

        @Param("../../example/target/cargo/wasm32-unknown-unknown/release/matmul.wasm")
        String path;

        ModuleRegistry modules;
        byte[] wasm;

        @Setup
        public void start() throws IOException {
            wasm = Files.readAllBytes(Path.of(path));
            WasmModule live = Parser.parse(wasm);
            modules = Modules.create(Map.of());
            modules.host(new WasmModuleDefinition("matmul", () -> live, MachineFactoryCompiler.compile(live)));
        }

        @TearDown
        public void stop() {
            modules.close();
        }
    }

    @Benchmark
    public long small(Small small) {
        return small.modules.reload("small", small.wasm, "benchmark");
    }

    @Benchmark
    public long matmul(Matmul matmul) {
        return matmul.modules.reload("matmul", matmul.wasm, "benchmark");
    }
}

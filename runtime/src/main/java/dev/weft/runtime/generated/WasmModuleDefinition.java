package dev.weft.runtime.generated;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A wasm module compiled into the application at build time: its name, its parsed module
 * metadata, and the factory of the JVM bytecode the build produced for its functions.
 * Generated code creates these from the classes the Maven plugin wrote, for example
 * {@code new WasmModuleDefinition("echo", EchoModule::load, EchoModule::create)}.
 */
public record WasmModuleDefinition(
        String name, Supplier<WasmModule> module, Function<Instance, Machine> machineFactory) {

    public WasmModuleDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(machineFactory, "machineFactory");
    }
}

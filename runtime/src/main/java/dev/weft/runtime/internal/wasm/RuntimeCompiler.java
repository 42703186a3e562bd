package dev.weft.runtime.internal.wasm;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/**
 * The only class that touches Chicory's compiler, so that it is loaded only when hot reload is on
 * and the default application never needs the compiler on its class path.
 */
final class RuntimeCompiler {

    private RuntimeCompiler() {}

    static Function<Instance, Machine> compile(WasmModule module) {
        return MachineFactoryCompiler.compile(module);
    }
}

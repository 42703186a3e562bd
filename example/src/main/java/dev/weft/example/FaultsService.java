package dev.weft.example;

import dev.weft.runtime.wasm.WasmModules;

/** The guests answer every fault but one; this Java one fails like a bug would. */
public final class FaultsService extends FaultsApiWasm {

    public FaultsService(WasmModules modules) {
        super(modules);
    }

    @Override
    public String javaFailure() {
        throw new IllegalStateException("a bug in a Java handler (on purpose)");
    }
}

package dev.weft.example;

import dev.weft.runtime.wasm.WasmModules;

/** The Java half of {@link BenchmarkApi}; the guests answer the other. */
public final class BenchmarkService extends BenchmarkApiWasm {

    public BenchmarkService(WasmModules modules) {
        super(modules);
    }

    @Override
    public String javaHello() {
        return "hi";
    }

    @Override
    public Message javaJson() {
        return new Message("Hello, World!");
    }
}

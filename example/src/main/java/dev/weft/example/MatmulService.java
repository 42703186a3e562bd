package dev.weft.example;

import dev.weft.runtime.wasm.WasmModules;

/** {@link MatmulApi}: the guest answers {@code /matmul} (generated), Java answers {@code /java/matmul}. */
public final class MatmulService extends MatmulApiWasm {

    public MatmulService(WasmModules modules) {
        super(modules);
    }

    @Override
    public MatmulResult javaMatmul(int n, long seed) {
        return MatrixMultiplication.run(n, seed);
    }
}

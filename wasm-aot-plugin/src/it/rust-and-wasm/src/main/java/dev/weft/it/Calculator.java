package dev.weft.it;

import dev.weft.annotations.WasmExport;

/** Both modules bound to Java; the processor checks each export against the plugin's manifest. */
public interface Calculator {

    @WasmExport(module = "adder")
    int add(int a, int b);

    @WasmExport(module = "scale")
    double scale(double value, float factor);
}

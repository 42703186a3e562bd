package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.wasm.WasmModules;
import org.junit.jupiter.api.Test;

/** Runs the bytecode the plugin compiled, through the class the processor generated and Weft's module host. */
class CalculatorTest {

    @Test
    void callsTheCompiledModules() {
        try (WasmModules modules = WasmModules.withDefaults()) {
            Calculator calculator = new CalculatorWasm(modules);
            assertEquals(5, calculator.add(2, 3));
            assertEquals(Integer.MIN_VALUE, calculator.add(Integer.MAX_VALUE, 1));
            assertEquals(3.0, calculator.scale(1.5, 2f));
        }
    }
}

package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the bytecode the plugin compiled, through the class the processor generated and Weft's module host. */
class CalculatorTest {

    @Test
    void callsTheCompiledModules() {
        WeftServer.Builder builder = WeftServer.builder(WeftConfig.of(Map.of("server.port", "0")));
        Calculator calculator = new CalculatorWasm(builder.modules());
        WeftServer server = builder.start();
        try {
            assertEquals(5, calculator.add(2, 3));
            assertEquals(Integer.MIN_VALUE, calculator.add(Integer.MAX_VALUE, 1));
            assertEquals(3.0, calculator.scale(1.5, 2f));
        } finally {
            server.stop();
        }
    }
}

package dev.weft.runtime.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.wasm.Parser;
import dev.weft.runtime.generated.WasmModuleDefinition;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The start-up check of the modules' memory against the heap, and the background start's order. */
class ModuleRegistryTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void warnsWhenTheModulesMayHoldMoreMemoryThanTheHeap() {
        try (ModuleRegistry modules = registry(Map.of(
                "weft.wasm.modules.answer.max-memory", "64MiB",
                "weft.wasm.modules.answer.max-instances", "4",
                "weft.wasm.modules.counter.max-memory", "16MiB",
                "weft.wasm.modules.counter.max-instances", "2"))) {
            start(modules);
            // 64 x 4 + 16 x 2 = 288 MiB
            assertEquals(Optional.empty(), modules.checkMemoryBudget(288 * MIB));
            String warning = modules.checkMemoryBudget(287 * MIB).orElseThrow();
            assertEquals("wasm modules may hold up to 288 MiB of linear memory at once (answer 64 MiB x 4,"
                    + " counter 16 MiB x 2), more than the JVM's maximum heap of 287 MiB: lower"
                    + " weft.wasm.modules.<module>.max-memory or .max-instances, or give the JVM more heap (-Xmx)", warning);
        }
    }

    @Test
    void saysNothingWithoutModules() {
        try (ModuleRegistry modules = registry(Map.of())) {
            assertTrue(modules.checkMemoryBudget(1).isEmpty());
        }
    }

    @Test
    void startsTheModulesInTheBackgroundInTheOrderTheApplicationAskedForThem() throws InterruptedException {
        // Neither alphabetical nor the order of a hash map of these names.
        List<String> asked = List.of("stats", "hello", "visits", "echo", "matmul", "ledger", "json", "whoami");
        List<String> ready = new java.util.concurrent.CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger("weft.wasm");
        Handler readyLines = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage().endsWith("ready: {1}")) {
                    ready.add(String.valueOf(record.getParameters()[0]));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(readyLines);
        try (ModuleRegistry modules = registry(Map.of())) {
            for (String name : asked) {
                modules.host(new WasmModuleDefinition(name, () -> Parser.parse(TestModules.answer(1)), InterpreterMachine::new));
            }
            modules.prestart();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (ready.size() < asked.size() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(asked, ready);
        } finally {
            log.removeHandler(readyLines);
        }
    }

    private static ModuleRegistry registry(Map<String, String> settings) {
        return new ModuleRegistry(Config.just(ConfigSources.create(settings)));
    }

    private static void start(ModuleRegistry modules) {
        modules.host(new WasmModuleDefinition("answer", () -> Parser.parse(TestModules.answer(1)), InterpreterMachine::new));
        modules.host(new WasmModuleDefinition("counter", () -> Parser.parse(TestModules.counter()), InterpreterMachine::new));
    }
}

package dev.weft.runtime.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.wasm.Parser;
import dev.weft.runtime.generated.WasmModuleDefinition;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleReloaderTest {

    private final Logger reloadLog = Logger.getLogger("weft.wasm.reload");
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logged.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureTheLog() {
        reloadLog.addHandler(capture);
    }

    @AfterEach
    void releaseTheLog() {
        reloadLog.removeHandler(capture);
    }

    @Test
    void loadsAFileThatWasThereBeforeItsModuleStarted(@TempDir Path folder) throws Exception {
        Files.write(folder.resolve("answer.wasm"), TestModules.answer(2));
        Config config = Config.just(ConfigSources.create(Map.of(
                "weft.wasm.hot-reload.directory", folder.toString(),
                "weft.wasm.hot-reload.poll-interval", "PT0.02S")));
        try (ModuleRegistry modules = new ModuleRegistry(config)) {
            // The watch begins with the modules, before the application asked for any of them.
            awaitLogged("answer.wasm names no module this application uses (yet)");
            ModuleHost host = modules.host(new WasmModuleDefinition("answer",
                    () -> Parser.parse(TestModules.answer(1)), InterpreterMachine::new));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!host.version().label().startsWith("reloaded from") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2L, (long) host.call(guest -> guest.call("answer")[0]), "the file's version is live");
            assertEquals(1, logged.stream().filter(line -> line.contains("names no module")).count(),
                    "reported once, though seen on every scan: " + logged);
        }
    }

    @Test
    void acceptsAVersionThatKeepsEveryExportWithItsType() {
        assertDoesNotThrow(() -> ModuleReloader.checkExports(parse(TestModules.answer(1)), parse(TestModules.answer(2))));
        assertDoesNotThrow(() -> ModuleReloader.checkExports(parse(TestModules.counter()), parse(TestModules.counter())));
    }

    @Test
    void refusesAVersionThatLacksAnExportOrChangesItsType() {
        IllegalArgumentException lacking = assertThrows(IllegalArgumentException.class,
                () -> ModuleReloader.checkExports(parse(TestModules.counter()), parse(TestModules.answer(1))));
        assertTrue(lacking.getMessage().startsWith("it lacks the export '"), lacking.getMessage());
        IllegalArgumentException changed = assertThrows(IllegalArgumentException.class,
                () -> ModuleReloader.checkExports(parse(TestModules.answer(1)), parse(TestModules.answerOfAnotherType())));
        assertTrue(changed.getMessage().startsWith("its export 'answer' is "), changed.getMessage());
    }

    private void awaitLogged(String text) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (logged.stream().noneMatch(line -> line.contains(text)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains(text)), "not logged: " + text + " in " + logged);
    }

    private static com.dylibso.chicory.wasm.WasmModule parse(byte[] wasm) {
        return Parser.parse(wasm);
    }
}

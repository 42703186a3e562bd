package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fat jar holds the compiled modules, and neither a wasm compiler nor ASM. */
class FatJarIT {

    private static final Path JAR = Path.of(System.getProperty("weft.example.jar", "target/weft-example.jar"));

    /** The log of one start of the jar with its own settings, shared by the tests that read it. */
    private static String defaultStartLog;

    private static synchronized String defaultStartLog() throws Exception {
        if (defaultStartLog == null) {
            try (RunningExample example = RunningExample.start()) {
                defaultStartLog = example.log();
            }
        }
        return defaultStartLog;
    }

    @Test
    void carriesNoCompilerOfWasmOrBytecode() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> forbidden = jar.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.startsWith("org/objectweb/asm/")
                            || name.startsWith("com/dylibso/chicory/compiler/")
                            || name.startsWith("com/dylibso/chicory/build/")
                            || name.startsWith("com/github/javaparser/"))
                    .toList();
            assertEquals(List.of(), forbidden);
        }
    }

    @Test
    void carriesEveryModuleAsBytecodeAndAManifest() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            // Every crate of src/main/rust is a module.
            List<String> modules;
            try (Stream<Path> crates = Files.list(Path.of("src/main/rust"))) {
                modules = crates.filter(crate -> Files.isRegularFile(crate.resolve("Cargo.toml")))
                        .map(crate -> crate.getFileName().toString()).sorted().toList();
            }
            assertEquals(11, modules.size(), modules.toString());
            for (String module : modules) {
                String base = "dev/weft/example/wasm/" + Character.toUpperCase(module.charAt(0)) + module.substring(1) + "Module";
                assertTrue(jar.getEntry(base + "Machine.class") != null, base + "Machine.class");
                assertTrue(jar.getEntry(base + ".class") != null, base + ".class");
                assertTrue(jar.getEntry(base + ".meta") != null, base + ".meta");
                assertTrue(jar.getEntry("META-INF/weft/modules/" + module + ".properties") != null, module + ".properties");
            }
            // No .wasm file ships: the modules exist only as bytecode and code-less metadata.
            assertEquals(List.of(), jar.stream().map(entry -> entry.getName()).filter(n -> n.endsWith(".wasm")).toList());
        }
    }

    /**
     * SQLite's driver loads its native library with {@code System.load}, a restricted method: the
     * manifest enables native access for the class path, so a start prints no warning about it
     * (and a JDK that blocks such calls by default still runs the jar).
     */
    @Test
    void enablesNativeAccessSoThatTheDatabaseDriverLoadsWithoutAWarning() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertEquals("ALL-UNNAMED", jar.getManifest().getMainAttributes().getValue("Enable-Native-Access"));
        }
        String log = defaultStartLog();
        assertTrue(log.contains("data source 'orders'"), log);
        assertFalse(log.contains("restricted method"), log);
    }

    /**
     * The libraries that log through SLF4J (the pool, the SQLite driver, Micrometer, Flyway) reach
     * the server's log through the runtime's java.util.logging binding, instead of SLF4J's
     * no-operation default, which dropped their records (a pool's warnings included) and printed a
     * "no providers" notice at every start. The example's logging.properties keeps the pool and
     * Flyway at WARNING; a configuration at INFO shows the pool's start.
     */
    @Test
    void librariesLogThroughTheServersLogInsteadOfNowhere(@TempDir Path folder) throws Exception {
        String log = defaultStartLog();
        assertTrue(log.contains("data source 'orders'"), log);
        assertFalse(log.contains("SLF4J"), log);
        assertFalse(log.contains("orders - Start"), log);
        Path everythingAtInfo = Files.writeString(folder.resolve("logging.properties"),
                "handlers=java.util.logging.ConsoleHandler\njava.util.logging.ConsoleHandler.level=ALL\n.level=INFO\n");
        try (RunningExample example = RunningExample.start("-Djava.util.logging.config.file=" + everythingAtInfo)) {
            // The pool of the data source "orders" says so through SLF4J.
            assertTrue(example.log().contains("orders - Start completed."), example.log());
            assertFalse(example.log().contains("SLF4J"), example.log());
        }
    }
}

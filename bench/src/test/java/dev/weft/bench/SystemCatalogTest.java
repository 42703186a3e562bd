package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemCatalogTest {

    /** The real files: bench/systems.properties and the peers' file it includes. */
    private static final Path SYSTEMS = Path.of("systems.properties");

    @Test
    void listsTheSevenSystemsInReportOrder() throws Exception {
        List<String> ids =
                SystemCatalog.load(SYSTEMS).all().stream().map(SystemSpec::id).toList();
        assertEquals(List.of("weft-wasm", "weft-java", "spring", "gin", "express-node", "express-bun", "fastapi"), ids);
    }

    @Test
    void weftJavaIsTheSameJarUnderAPrefix() throws Exception {
        SystemCatalog catalog = SystemCatalog.load(SYSTEMS);
        SystemSpec wasm = catalog.select(List.of("weft-wasm")).getFirst();
        SystemSpec java = catalog.select(List.of("weft-java")).getFirst();
        assertEquals(wasm.start(), java.start());
        assertEquals(wasm.artifacts(), java.artifacts());
        assertEquals("/matmul", wasm.route("/matmul"));
        assertEquals("/java/matmul", java.route("/matmul"));
        assertTrue(wasm.start().contains("-Dweft.access-log.enabled=false"), wasm.start());
        assertTrue(
                wasm.artifacts().getFirst().endsWith(Path.of("bench/target/weft-example.jar")),
                wasm.artifacts().toString());
    }

    @Test
    void peersKeepTheirOwnDirectoriesAndExclusions() throws Exception {
        SystemSpec bun =
                SystemCatalog.load(SYSTEMS).select(List.of("express-bun")).getFirst();
        assertTrue(bun.dir().endsWith(Path.of("bench/peers/express")), bun.dir().toString());
        assertEquals("", bun.prefix());
        assertTrue(bun.artifactExcludes().contains(bun.dir().resolve("node_modules/bun")));
    }

    @Test
    void selectionKeepsReportOrderAndRejectsUnknownIds() throws Exception {
        SystemCatalog catalog = SystemCatalog.load(SYSTEMS);
        assertEquals(
                List.of("weft-wasm", "gin"),
                catalog.select(List.of("gin", "weft-wasm")).stream()
                        .map(SystemSpec::id)
                        .toList());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> catalog.select(List.of("django")));
        assertTrue(e.getMessage().contains("weft-wasm"), e.getMessage());
    }

    @Test
    void aSystemWithoutStartCommandIsAnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("systems.properties");
        Files.writeString(file, "systems=x\nx.dir=.\nx.version=true\n");
        assertThrows(IllegalArgumentException.class, () -> SystemCatalog.load(file));
    }
}

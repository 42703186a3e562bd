package dev.weft.wasm.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleManifestTest {

    private final ModuleManifest manifest = new ModuleManifest(
            "matmul",
            "com.example.wasm.MatmulModule",
            "src/main/rust/matmul",
            "ab12",
            Map.of(
                    "matmul", WasmSignature.parse("(i32,i64)->(i64)"),
                    "weft_alloc", GuestAbi.ALLOC_SIGNATURE),
            List.of(new ModuleManifest.Import("weft", "now_nanos", WasmSignature.parse("()->(i64)"))));

    @Test
    void survivesAWriteAndReadRoundTrip() {
        assertEquals(manifest, ModuleManifest.read(manifest.write()));
    }

    @Test
    void keepsWhatTheGuestSaidOfItsResults() {
        ModuleManifest described = new ModuleManifest("echo", "com.example.wasm.EchoModule", "src/main/rust/echo", "cd34",
                Map.of("echo", WasmSignature.parse("(i32,i32)->(i64)"), "size", WasmSignature.parse("(i32,i32)->(i64)")),
                List.of(), Map.of("echo", true, "size", false));
        String written = described.write();
        assertTrue(written.contains("result.echo=bytes\n"), written);
        assertTrue(written.contains("result.size=value\n"), written);
        assertEquals(described, ModuleManifest.read(written));
    }

    @Test
    void writesSortedEntriesWithoutATimestamp() {
        List<String> entries = manifest.write().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(entries.stream().sorted().toList(), entries);
        assertTrue(entries.contains("export.matmul=(i32,i64)->(i64)"), entries::toString);
        assertEquals(1, manifest.write().lines().filter(l -> l.startsWith("#")).count());
    }

    @Test
    void describesExportsInNameOrder() {
        assertEquals("matmul(i32,i64)->(i64), weft_alloc(i32)->(i32)", manifest.describeExports());
    }

    @Test
    void refusesAManifestWithoutItsClass() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> ModuleManifest.read("module=x\n"));
        assertEquals("module manifest lacks 'class'", error.getMessage());
    }

    @Test
    void namesTheResourceByModule() {
        assertEquals("META-INF/weft/modules/echo.properties", ModuleManifest.resourcePath("echo"));
    }
}

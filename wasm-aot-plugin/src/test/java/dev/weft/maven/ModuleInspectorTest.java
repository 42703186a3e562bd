package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wasm.abi.HostImport;
import dev.weft.wasm.abi.ModuleManifest;
import dev.weft.wasm.abi.WasmSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleInspectorTest {

    @TempDir
    Path temp;

    @Test
    void listsFunctionExportsWithTheirSignatures() throws Exception {
        ModuleManifest manifest = inspect("exports");
        assertEquals(Map.of(
                        "add", WasmSignature.parse("(i32,i32)->(i32)"),
                        "scale", WasmSignature.parse("(f64,f32)->(f64)"),
                        "pair", WasmSignature.parse("(i64)->(i32,i64)"),
                        "nothing", WasmSignature.parse("()->()"),
                        // a re-exported import has the import's type
                        "now", WasmSignature.parse("()->(i64)")),
                manifest.exports(),
                "memory and globals are no functions; by_ref takes an externref, which Java cannot bind");
    }

    @Test
    void listsImportsOfferedByWeft() throws Exception {
        ModuleManifest manifest = inspect("exports");
        assertEquals(List.of(
                        new ModuleManifest.Import("weft", "log", WasmSignature.parse("(i32,i32,i32)->()")),
                        new ModuleManifest.Import("weft", "now_nanos", WasmSignature.parse("()->(i64)"))),
                manifest.imports());
    }

    @Test
    void recordsWhatItWasGiven() throws Exception {
        ModuleManifest manifest = ModuleInspector.inspect(
                new ModuleName("adder"), Fixtures.wasm("adder"), "com.example.AdderModule", "src/main/wasm/adder.wasm",
                "abc123");
        assertEquals("adder", manifest.name());
        assertEquals("com.example.AdderModule", manifest.className());
        assertEquals("src/main/wasm/adder.wasm", manifest.source());
        assertEquals("abc123", manifest.sha256());
        assertEquals(List.of(), manifest.imports());
        assertEquals(manifest, ModuleManifest.read(manifest.write()), "the manifest survives its file form");
    }

    @Test
    void refusesAnImportFromAnotherModuleButNotTheOfferedOneBesideIt() {
        String message = refusal("env-import");
        assertTrue(message.startsWith("wasm module 'env-import' (src/main/wasm/env-import.wasm) imports "), message);
        assertEquals("env.foo(i32)->(i32)", refused(message));
        assertListsWhatWeftOffers(message);
    }

    @Test
    void refusesAWeftImportWithTheWrongSignature() {
        String message = refusal("wrong-signature");
        assertEquals("weft.log(i32)->()", refused(message));
        assertListsWhatWeftOffers(message);
    }

    @Test
    void refusesAMemoryImport() {
        String message = refusal("memory-import");
        assertEquals("env.memory (a memory)", refused(message));
        assertListsWhatWeftOffers(message);
    }

    @Test
    void refusesBytesThatAreNotWasm() throws IOException {
        Path notWasm = Files.writeString(temp.resolve("text.wasm"), "this is not a wasm module");
        ModuleInspector.InvalidModuleException e = assertThrows(ModuleInspector.InvalidModuleException.class,
                () -> ModuleInspector.inspect(new ModuleName("text"), notWasm, "x.TextModule", "src/main/wasm/text.wasm",
                        ""));
        assertTrue(e.getMessage().startsWith("wasm module 'text' (src/main/wasm/text.wasm) is not valid WebAssembly"),
                e.getMessage());
    }

    @Test
    void refusesATruncatedModule() throws IOException {
        byte[] adder = Files.readAllBytes(Fixtures.wasm("adder"));
        Path truncated = Files.write(temp.resolve("truncated.wasm"), Arrays.copyOf(adder, adder.length - 5));
        ModuleInspector.InvalidModuleException e = assertThrows(ModuleInspector.InvalidModuleException.class,
                () -> ModuleInspector.inspect(new ModuleName("truncated"), truncated, "x.TruncatedModule", "t", ""));
        assertTrue(e.getMessage().contains("is not valid WebAssembly"), e.getMessage());
    }

    private static ModuleManifest inspect(String fixture) throws ModuleInspector.InvalidModuleException {
        ModuleName name = new ModuleName(fixture);
        return ModuleInspector.inspect(name, Fixtures.wasm(fixture), "com.example." + name.className(),
                "src/main/wasm/" + fixture + ".wasm", "sha");
    }

    private static String refusal(String fixture) {
        return assertThrows(ModuleInspector.InvalidModuleException.class, () -> inspect(fixture)).getMessage();
    }

    /** What the message says the module imports and Weft does not offer. */
    private static String refused(String message) {
        int start = message.indexOf(") imports ") + ") imports ".length();
        int end = message.indexOf(", which Weft does not offer.");
        assertTrue(start > ") imports ".length() && end > start, message);
        return message.substring(start, end);
    }

    private static void assertListsWhatWeftOffers(String message) {
        assertTrue(message.contains("A guest may import only: "), message);
        for (HostImport function : HostImport.values()) {
            String offered = "weft." + function.importName() + function.signature();
            assertTrue(message.contains(offered), "lacks " + offered + ": " + message);
        }
        assertTrue(message.contains("docs/guest-abi.md"), message);
    }
}

package dev.weft.maven.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wasm.abi.HostImport;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Projects of src/it whose build must fail, each with a message that says what to fix. */
class BuildFailuresIT {

    @Test
    void aCrateThatDoesNotCompileFailsWithCargosOwnError() throws Exception {
        ItProject.Build build = ItProject.copy("broken-crate").build().assertPluginFailed();

        String message = build.failureMessage();
        assertTrue(message.startsWith("Rust crate 'broken' ("), message);
        assertTrue(message.contains("failed to build (cargo exit 101):"), message);
        // cargo's words, from the lines after the first: rustc's error code and the culprit
        build.assertLogged("error[E0425]: cannot find value `c` in this scope", "src/lib.rs:5:13");
    }

    @Test
    void aModuleImportingWhatWeftDoesNotOfferFailsNamingTheImport() throws Exception {
        ItProject project = ItProject.copy("bad-import");
        ItProject.Build build = project.build().assertPluginFailed();

        String message = build.failureMessage();
        assertTrue(message.startsWith("wasm module 'files' (src/main/wasm/files.wasm) imports env.open_file(i32,i32)->(i32),"
                + " which Weft does not offer. A guest may import only: "), message);
        for (HostImport function : HostImport.values()) {
            assertTrue(message.contains("weft." + function.importName() + function.signature()), message);
        }
        assertFalse(Files.exists(project.file("target/generated-resources/weft-wasm/META-INF/weft/modules/files.properties")),
                "a refused module gets no manifest");
    }

    @Test
    void aCrateAndAWasmFileWithTheSameNameFailNamingBoth() throws Exception {
        ItProject.Build build = ItProject.copy("duplicate-module").build().assertPluginFailed();

        assertEquals("two wasm modules are named 'twice': src/main/rust/twice and src/main/wasm/twice.wasm; rename one",
                build.failureMessage());
    }

    @Test
    void aPackageNameThatIsNoJavaNameFailsBeforeAnyWork() throws Exception {
        ItProject.Build build = ItProject.copy("bad-package-name").build().assertPluginFailed();

        assertEquals("packageName 'dev.weft.it.wasm-modules' is not a Java package name; set <packageName> in the"
                + " plugin's configuration", build.failureMessage());
        build.assertNotLogged("Compiled wasm module");
    }
}

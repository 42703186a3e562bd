package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RustCrateTest {

    @TempDir
    Path rust;

    @Test
    void readsThePackageNameAsTheLibraryName() throws IOException {
        RustCrate crate = crate("echo", """
                [package]
                name = "echo"
                version = "0.1.0"
                edition = "2024"

                [lib]
                crate-type = ["cdylib"]
                """);
        assertEquals("echo", crate.module().value());
        assertEquals(rust.resolve("echo"), crate.directory());
        assertEquals("echo", crate.libraryName());
        assertEquals(List.of(), crate.pathDependencies());
        assertEquals(rust.resolve("echo/Cargo.toml"), crate.manifest());
    }

    @Test
    void theModuleIsNamedAfterTheFolderNotThePackage() throws IOException {
        RustCrate crate = crate("shout", """
                [package]
                name = "weft-shout-guest"
                """);
        assertEquals("shout", crate.module().value());
        assertEquals("weft_shout_guest", crate.libraryName(), "cargo writes '-' in a library name as '_'");
    }

    @Test
    void libNameWinsOverThePackageNameAndHasDashesReplaced() throws IOException {
        RustCrate crate = crate("matmul", """
                [package]
                name = "matmul"

                [lib]
                name = "fast-matmul"
                crate-type = ["cdylib"]
                """);
        assertEquals("fast_matmul", crate.libraryName());
    }

    @Test
    void aNameOutsidePackageAndLibIsIgnored() throws IOException {
        RustCrate crate = crate("echo", """
                [package]
                name = "echo"

                [package.metadata.docs]
                name = "not-the-crate"

                [dependencies.helper]
                name = "not-the-crate-either"
                version = "1"
                """);
        assertEquals("echo", crate.libraryName());
    }

    @Test
    void collectsPathDependenciesOfEveryDependencySection() throws IOException {
        RustCrate crate = crate("echo", """
                [package]
                name = "echo"

                [dependencies]
                weft-guest = { path = "../../guest/weft-guest" }
                serde = { version = "1", features = ["derive"] }
                local = {path="../local"}

                [dev-dependencies]
                helper = { path = "helper" }

                [dependencies.tabled]
                path = "../tabled"

                [target.'cfg(target_arch = "wasm32")'.dependencies]
                only-wasm = { path = "../only-wasm" }
                """);
        assertEquals(List.of(
                        rust.resolve("../guest/weft-guest").normalize(),
                        rust.resolve("local"),
                        rust.resolve("echo/helper"),
                        rust.resolve("tabled"),
                        rust.resolve("only-wasm")),
                crate.pathDependencies());
    }

    @Test
    void aPathOutsideDependencySectionsIsNoDependency() throws IOException {
        RustCrate crate = crate("echo", """
                [package]
                name = "echo"

                [lib]
                path = "src/guest.rs"
                """);
        assertEquals(List.of(), crate.pathDependencies());
    }

    @Test
    void readsTheStackSizeInBytesKibOrMib() throws IOException {
        String header = "[package]\nname = \"echo\"\n\n[package.metadata.weft]\n";
        assertEquals(0, crate("echo", "[package]\nname = \"echo\"\n").stackSize(), "the linker's default");
        assertEquals(List.of(), crate("echo", "[package]\nname = \"echo\"\n").rustcArguments());
        assertEquals(65536, crate("echo", header + "stack-size = 65536\n").stackSize());
        assertEquals(65536, crate("echo", header + "stack-size = \"64KiB\"  # measured\n").stackSize());
        RustCrate mib = crate("echo", header + "stack-size = \"2MiB\"\n");
        assertEquals(2 * 1024 * 1024, mib.stackSize());
        assertEquals(List.of("-C", "link-arg=-zstack-size=2097152"), mib.rustcArguments());
    }

    @Test
    void aStackSizeTheLinkerCannotUseIsRefused() throws IOException {
        for (String value : List.of("100", "4100", "\"64 kB\"", "\"lots\"", "99999999999999999999", "\"4096MiB\"")) {
            IOException e = assertThrows(IOException.class,
                    () -> crate("echo", "[package]\nname = \"echo\"\n[package.metadata.weft]\nstack-size = " + value + "\n"),
                    value);
            assertTrue(e.getMessage().contains("[package.metadata.weft] stack-size " + value + " is not a size in bytes"),
                    e.getMessage());
        }
        assertEquals(0, crate("echo", "[package]\nname = \"echo\"\n[dependencies]\nstack-size = 3\n").stackSize(),
                "only the weft metadata section says it");
    }

    @Test
    void aCargoTomlWithoutPackageIsRefused() throws IOException {
        Path directory = rust.resolve("workspace");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("Cargo.toml"), """
                [workspace]
                members = ["a", "b"]
                """);
        IOException e = assertThrows(IOException.class, () -> RustCrate.read(directory));
        assertTrue(e.getMessage().contains("names no [package]"), e.getMessage());
        assertTrue(e.getMessage().contains(directory.resolve("Cargo.toml").toString()), e.getMessage());
    }

    @Test
    void aFolderThatIsNoModuleNameIsRefused() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> crate("My_Crate", "[package]\nname = \"x\"\n"));
        assertTrue(e.getMessage().contains("'My_Crate' is not a valid wasm module name"), e.getMessage());
    }

    @Test
    void outputIsTheReleaseWasmOfTheLibraryInTheTargetFolder() throws IOException {
        RustCrate crate = crate("shout", "[package]\nname = \"shout-guest\"\n");
        Path target = Path.of("/build/cargo");
        assertEquals(Path.of("/build/cargo/wasm32-unknown-unknown/release/shout_guest.wasm"), crate.output(target));
    }

    @Test
    void aNameInAnArrayOfTablesIsNotTheLibraryName() throws IOException {
        RustCrate crate = crate("echo", """
                [package]
                name = "echo"

                [lib]
                crate-type = ["cdylib"]

                [[bin]]
                name = "echo-cli"
                path = "src/main.rs"
                """);
        assertEquals("echo", crate.libraryName());
    }

    @Test
    void aCommentedOutPathDependencyIsNoDependency() throws IOException {
        RustCrate crate = crate("echo", """
                [package]
                name = "echo"

                [dependencies]
                # weft-guest = { path = "../../guest/weft-guest" }
                """);
        assertEquals(List.of(), crate.pathDependencies());
    }

    @Test
    void aCommentAfterATableHeaderIsAllowed() throws IOException {
        RustCrate crate = crate("echo", """
                [package] # the guest
                name = "echo"
                """);
        assertEquals("echo", crate.libraryName());
    }

    private RustCrate crate(String folder, String cargoToml) throws IOException {
        Path directory = rust.resolve(folder);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("Cargo.toml"), cargoToml);
        return RustCrate.read(directory);
    }
}

package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CargoBuild against a fake cargo (a shell script), so that no Rust toolchain is needed. */
class CargoBuildTest {

    @TempDir
    Path temp;

    private RustCrate crate;
    private Path target;

    @BeforeEach
    void writeCrate() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("rust/echo"));
        Files.writeString(directory.resolve("Cargo.toml"), "[package]\nname = \"echo-guest\"\n");
        crate = RustCrate.read(directory);
        target = temp.resolve("cargo-target");
    }

    @Test
    void returnsTheWasmCargoWroteAndRunsInTheCrateWithTheToolchainsEnvironment() throws Exception {
        Path cargo = fakeCargo("""
                # the argument after --target-dir, as cargo reads it
                while [ "$1" != "--target-dir" ]; do shift; done
                mkdir -p "$2/wasm32-unknown-unknown/release"
                printf 'wasm' > "$2/wasm32-unknown-unknown/release/echo_guest.wasm"
                echo "$PWD $WEFT_TEST_VALUE" > "$2/ran"
                """);
        RustToolchain toolchain = new RustToolchain("fake", cargo, List.of(), Map.of("WEFT_TEST_VALUE", "seen"));

        Path wasm = new CargoBuild(toolchain, target).build(crate);

        assertEquals(crate.output(target), wasm);
        assertEquals(crate.directory().toRealPath() + " seen", Files.readString(target.resolve("ran")).strip());
    }

    @Test
    void aFailureNamesTheCrateAndCarriesCargosOwnWords() throws Exception {
        Path cargo = fakeCargo("""
                echo '   Compiling echo-guest v0.1.0' >&2
                echo 'error[E0425]: cannot find value `x` in this scope' >&2
                exit 101
                """);
        CargoBuild.CargoException e = assertThrows(CargoBuild.CargoException.class,
                () -> new CargoBuild(new RustToolchain("fake", cargo, List.of(), Map.of()), target).build(crate));

        assertTrue(e.getMessage().startsWith("Rust crate 'echo' (" + crate.directory() + ") failed to build (cargo exit 101):"),
                e.getMessage());
        assertTrue(e.getMessage().contains("error[E0425]: cannot find value `x` in this scope"), e.getMessage());
    }

    @Test
    void successWithoutAWasmAsksWhetherTheCrateIsACdylib() throws Exception {
        Path cargo = fakeCargo("echo '    Finished release' >&2\n");
        CargoBuild.CargoException e = assertThrows(CargoBuild.CargoException.class,
                () -> new CargoBuild(new RustToolchain("fake", cargo, List.of(), Map.of()), target).build(crate));

        assertTrue(e.getMessage().contains("cargo exit 0"), e.getMessage());
        assertTrue(e.getMessage().contains("cargo succeeded but wrote no " + crate.output(target)), e.getMessage());
        assertTrue(e.getMessage().contains("crate-type = [\"cdylib\"]"), e.getMessage());
    }

    private Path fakeCargo(String body) throws IOException {
        Path script = temp.resolve("cargo");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}

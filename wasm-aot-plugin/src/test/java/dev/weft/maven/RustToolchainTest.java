package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RustToolchainTest {

    private static final Path MANIFEST = Path.of("/project/src/main/rust/echo/Cargo.toml");
    private static final Path TARGET = Path.of("/project/target/cargo");

    @Test
    void buildCommandIsAReleaseBuildForTheWasmTargetIntoTheSharedFolder() {
        RustToolchain toolchain = new RustToolchain("test", Path.of("/opt/cargo/bin/cargo"), List.of(), Map.of());
        assertEquals(List.of(
                        "/opt/cargo/bin/cargo", "build", "--release",
                        "--target", "wasm32-unknown-unknown",
                        "--manifest-path", MANIFEST.toString(),
                        "--target-dir", TARGET.toString(),
                        "--color", "never"),
                toolchain.buildCommand(MANIFEST, TARGET, RustToolchain.TARGET));
    }

    @Test
    void extraArgumentsComeLast() {
        RustToolchain toolchain = new RustToolchain("test", Path.of("cargo"),
                List.of("--offline", "-Zbuild-std=std,panic_abort"), Map.of());
        List<String> command = toolchain.buildCommand(MANIFEST, TARGET, RustToolchain.TARGET);
        assertEquals(List.of("--offline", "-Zbuild-std=std,panic_abort"), command.subList(command.size() - 2, command.size()));
        assertEquals(List.of("cargo", "build", "--release"), command.subList(0, 3));
    }

    @Test
    void anExplicitCargoIsUsedAsItIs() throws Exception {
        Path cargo = Path.of("/somewhere/else/cargo");
        RustToolchain toolchain = RustToolchain.detect(cargo);
        assertEquals(cargo, toolchain.cargo());
        assertEquals("cargo at " + cargo, toolchain.description());
        assertEquals(List.of(), toolchain.extraArguments(), "a configured cargo is trusted to have the target");
        assertEquals(Map.of(), toolchain.environment());
        assertEquals(cargo.toString(), toolchain.buildCommand(MANIFEST, TARGET, RustToolchain.TARGET).get(0));
    }

    /** Depends on the machine: either a toolchain whose cargo exists, or a refusal that says how to get one. */
    @Test
    void detectFindsAnExecutableCargoOrSaysHowToInstallOne() {
        try {
            RustToolchain toolchain = RustToolchain.detect(null);
            assertTrue(Files.isExecutable(toolchain.cargo()), toolchain.toString());
            if (!toolchain.extraArguments().isEmpty()) {
                // Debian's rustc-web: std is built offline from the packaged source
                assertTrue(toolchain.extraArguments().contains("--offline"), toolchain.toString());
                assertEquals("1", toolchain.environment().get("RUSTC_BOOTSTRAP"), toolchain.toString());
            }
        } catch (RustToolchain.ToolchainException e) {
            assertTrue(e.getMessage().contains(RustToolchain.INSTALL_HINT), e.getMessage());
        }
    }
}

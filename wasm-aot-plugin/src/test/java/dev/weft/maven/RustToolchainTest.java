package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** Arguments for the crate's own rustc (its stack size) go through cargo rustc, after "--". */
    @Test
    void rustcArgumentsMakeItACargoRustcOfTheLibrary() {
        RustToolchain toolchain = new RustToolchain("test", Path.of("cargo"), List.of("--offline"), Map.of());
        assertEquals(List.of(
                        "cargo", "rustc", "--release", "--lib",
                        "--target", "wasm32-unknown-unknown",
                        "--manifest-path", MANIFEST.toString(),
                        "--target-dir", TARGET.toString(),
                        "--color", "never", "--offline",
                        "--", "-C", "link-arg=-zstack-size=65536"),
                toolchain.buildCommand(MANIFEST, TARGET, RustToolchain.TARGET, List.of("-C", "link-arg=-zstack-size=65536")));
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

    /** rustup's layout: a cargo and a rustc on PATH, the rustc's sysroot holding each target's std. */
    @Test
    void prefersACargoOnPathWhoseRustcHasTheWasmStandardLibrary(@TempDir Path machine) throws Exception {
        Path bin = rustup(machine, List.of(RustToolchain.TARGET));
        RustToolchain toolchain = RustToolchain.detect(null, bin.toString(), debian(machine, true));
        assertEquals(bin.resolve("cargo"), toolchain.cargo());
        assertEquals("cargo with the installed wasm32-unknown-unknown target", toolchain.description());
        assertEquals(List.of(), toolchain.extraArguments());
        assertNull(toolchain.cannotBuild(RustToolchain.TARGET));
        assertEquals("cargo with the installed wasm32-unknown-unknown target has no standard library for wasm32-wasip1. "
                + RustToolchain.INSTALL_HINT, toolchain.cannotBuild(RustToolchain.WASI_TARGET));

        RustToolchain both = RustToolchain.detect(null, rustup(machine, RustCrate.TARGETS).toString(), machine);
        assertNull(both.cannotBuild(RustToolchain.WASI_TARGET));
    }

    /** Without rustup's target, Debian's packages, found under the root: std is built offline. */
    @Test
    void fallsBackToDebiansPackagesWhenRustupLacksTheTarget(@TempDir Path machine) throws Exception {
        Path bin = rustup(machine, List.of());
        Path root = debian(machine, true);
        RustToolchain toolchain = RustToolchain.detect(null, bin.toString(), root);
        assertEquals(root.resolve("usr/bin/cargo"), toolchain.cargo());
        assertEquals("Debian's rustc-web, building std from source offline", toolchain.description());
        assertTrue(toolchain.extraArguments().contains("--offline"), toolchain.toString());
        assertTrue(toolchain.extraArguments().contains("-Zbuild-std=std,panic_abort"), toolchain.toString());
        Map<String, String> plain = toolchain.environment(RustToolchain.TARGET);
        assertEquals("1", plain.get("RUSTC_BOOTSTRAP"));
        assertEquals(root.resolve("usr/bin/rustc").toString(), plain.get("RUSTC"));
        assertNull(plain.get("RUSTFLAGS"));
        assertEquals("-L native=" + root.resolve("usr/lib/wasm32-wasi"),
                toolchain.environment(RustToolchain.WASI_TARGET).get("RUSTFLAGS"));
        assertNull(toolchain.cannotBuild(RustToolchain.WASI_TARGET));
    }

    /** The std of the shared cache replaces -Zbuild-std: guests link it through --sysroot. */
    @Test
    void withAStandardLibraryDebiansToolchainNamesItsSysrootInsteadOfBuildingStd(@TempDir Path machine)
            throws Exception {
        Path root = debian(machine, true);
        RustToolchain building = RustToolchain.detect(null, "", root);
        assertTrue(building.buildsStandardLibrary());
        Path sysroot = machine.resolve("cache/rust-std/abc");
        RustToolchain prebuilt = building.withStandardLibrary(sysroot);
        assertEquals(List.of("--offline"), prebuilt.extraArguments());
        assertTrue(!prebuilt.buildsStandardLibrary());
        assertEquals("--sysroot=" + sysroot, prebuilt.environment(RustToolchain.TARGET).get("RUSTFLAGS"));
        assertEquals("--sysroot=" + sysroot + " -L native=" + root.resolve("usr/lib/wasm32-wasi"),
                prebuilt.environment(RustToolchain.WASI_TARGET).get("RUSTFLAGS"));
        assertEquals(root.resolve("usr/bin/rustc").toString(), prebuilt.environment(RustToolchain.TARGET).get("RUSTC"));
        assertNull(prebuilt.environment(RustToolchain.TARGET).get("WEFT_SYSROOT"), "Weft's own marker stays out of cargo's way");
    }

    @Test
    void rustupsToolchainHasItsOwnStandardLibrary(@TempDir Path machine) throws Exception {
        RustToolchain toolchain = RustToolchain.detect(null, rustup(machine, RustCrate.TARGETS).toString(), machine);
        assertTrue(!toolchain.buildsStandardLibrary());
    }

    @Test
    void debianWithoutWasiLibcCannotBuildForWasi(@TempDir Path machine) throws Exception {
        RustToolchain toolchain = RustToolchain.detect(null, "", debian(machine, false));
        assertNull(toolchain.cannotBuild(RustToolchain.TARGET));
        assertEquals("Debian's rustc-web, building std from source offline has no standard library for wasm32-wasip1. "
                + RustToolchain.INSTALL_HINT, toolchain.cannotBuild(RustToolchain.WASI_TARGET));
    }

    @Test
    void withoutEitherSaysHowToInstallOne(@TempDir Path machine) throws Exception {
        RustToolchain.ToolchainException e = assertThrows(RustToolchain.ToolchainException.class,
                () -> RustToolchain.detect(null, rustup(machine, List.of()).toString(), machine.resolve("empty-root")));
        assertEquals("No Rust toolchain that builds for wasm32-unknown-unknown was found. Install one: `rustup target add"
                + " wasm32-unknown-unknown wasm32-wasip1`, or on Debian and Ubuntu `apt-get install rustc-web cargo-web"
                + " rust-web-src lld-22 wasi-libc` (scripts/test.sh and scripts/run-example.sh do this for you).",
                e.getMessage());
    }

    /** A bin folder with a cargo and a rustc whose sysroot holds the standard library of {@code targets}. */
    private static Path rustup(Path machine, List<String> targets) throws IOException {
        Path home = Files.createDirectories(machine.resolve("rustup-" + targets.size()));
        Path sysroot = Files.createDirectories(home.resolve("sysroot"));
        for (String target : targets) {
            Path libraries = Files.createDirectories(sysroot.resolve("lib/rustlib").resolve(target).resolve("lib"));
            Files.writeString(libraries.resolve("libstd-0123.rlib"), "");
        }
        Path bin = Files.createDirectories(home.resolve("bin"));
        executable(bin.resolve("cargo"), "#!/bin/sh\nexit 0\n");
        executable(bin.resolve("rustc"), "#!/bin/sh\necho '" + sysroot + "'\n");
        return bin;
    }

    /** A root holding Debian's rustc-web, cargo-web and rust-web-src, and wasi-libc if asked. */
    private static Path debian(Path machine, boolean wasiLibc) throws IOException {
        Path root = Files.createDirectories(machine.resolve(wasiLibc ? "debian-wasi" : "debian"));
        Path bin = Files.createDirectories(root.resolve("usr/bin"));
        executable(bin.resolve("cargo"), "#!/bin/sh\nexit 0\n");
        executable(bin.resolve("rustc"), "#!/bin/sh\nexit 0\n");
        Files.createDirectories(root.resolve("usr/lib/rustlib/src/rust/library/vendor"));
        if (wasiLibc) {
            Files.createDirectories(root.resolve("usr/lib/wasm32-wasi"));
        }
        return root;
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a stand-in cargo that writes rlibs as -Zbuild-std would and counts its runs. */
class StandardLibraryCacheTest {

    @Test
    void stdIsBuiltOnceAndGuestsLinkItThroughTheSysroot(@TempDir Path machine) throws Exception {
        RustToolchain debian = fakeDebian(machine, "rustc 1.96.0 (commit a)");
        StandardLibraryCache cache = new StandardLibraryCache(machine.resolve("cache"), new SystemStreamLog());

        RustToolchain prebuilt = cache.prebuilt(debian, RustToolchain.TARGET);
        String sysroot = prebuilt.environment(RustToolchain.TARGET).get("RUSTFLAGS").substring("--sysroot=".length());
        Path libraries = Path.of(sysroot, "lib/rustlib", RustToolchain.TARGET, "lib");
        assertTrue(Files.isRegularFile(libraries.resolve("libstd-1.rlib")));
        assertFalse(Files.exists(libraries.resolve("libweft_std-2.rlib")), "the placeholder crate is no part of std");
        assertFalse(prebuilt.buildsStandardLibrary());

        cache.prebuilt(debian, RustToolchain.TARGET);
        assertEquals(1, runs(machine), "the second build takes the cached std");
        cache.prebuilt(debian, RustToolchain.WASI_TARGET);
        assertEquals(2, runs(machine), "each target's std is built when first needed");
    }

    @Test
    void anotherRustcGetsAnotherStd(@TempDir Path machine) throws Exception {
        StandardLibraryCache cache = new StandardLibraryCache(machine.resolve("cache"), new SystemStreamLog());
        String first = cache.prebuilt(fakeDebian(machine, "rustc 1.96.0 (commit a)"), RustToolchain.TARGET)
                .environment(RustToolchain.TARGET).get("RUSTFLAGS");
        String second = cache.prebuilt(fakeDebian(machine, "rustc 1.97.0 (commit b)"), RustToolchain.TARGET)
                .environment(RustToolchain.TARGET).get("RUSTFLAGS");
        assertNotEquals(first, second);
        assertEquals(2, runs(machine));
    }

    @Test
    void aToolchainWithItsOwnStdIsLeftAsItIs(@TempDir Path machine) throws Exception {
        RustToolchain rustup = new RustToolchain("rustup", Path.of("cargo"), List.of(), Map.of());
        assertSame(rustup, new StandardLibraryCache(machine, new SystemStreamLog()).prebuilt(rustup, RustToolchain.TARGET));
    }

    @Test
    void aFailedBuildSaysSoAndLeavesNoEntry(@TempDir Path machine) throws Exception {
        Path cargo = script(machine.resolve("failing-cargo"), "#!/bin/sh\necho 'error: no std source' >&2\nexit 101\n");
        Path rustc = script(machine.resolve("rustc"), "#!/bin/sh\necho 'rustc 1.96.0'\n");
        RustToolchain debian = new RustToolchain("debian", cargo, List.of("--offline", "-Zbuild-std=std,panic_abort"),
                Map.of("RUSTC", rustc.toString()), Set.of(RustToolchain.TARGET));
        Path cacheDirectory = machine.resolve("cache");
        StandardLibraryCache.StdBuildException e = assertThrows(StandardLibraryCache.StdBuildException.class,
                () -> new StandardLibraryCache(cacheDirectory, new SystemStreamLog()).prebuilt(debian, RustToolchain.TARGET));
        assertTrue(e.getMessage().contains("error: no std source"), e.getMessage());
        try (var entries = Files.walk(cacheDirectory)) {
            assertTrue(entries.noneMatch(path -> path.getFileName().toString().equals("lib")
                    && path.getParent().getParent().getFileName().toString().equals("rustlib")), "no half-built entry");
        }
    }

    private static RustToolchain fakeDebian(Path machine, String version) throws Exception {
        Path rustc = script(machine.resolve("rustc-" + version.hashCode()), "#!/bin/sh\necho '" + version + "'\n");
        // Finds --target-dir and --target among its arguments, writes two rlibs where cargo would.
        Path cargo = script(machine.resolve("cargo"), """
                #!/bin/sh
                echo run >> "%s"
                while [ $# -gt 0 ]; do
                  case "$1" in
                    --target-dir) dir=$2; shift ;;
                    --target) target=$2; shift ;;
                  esac
                  shift
                done
                mkdir -p "$dir/$target/release/deps"
                echo std > "$dir/$target/release/deps/libstd-1.rlib"
                echo placeholder > "$dir/$target/release/deps/libweft_std-2.rlib"
                """.formatted(machine.resolve("runs")));
        return new RustToolchain("debian", cargo, List.of("--offline", "-Zbuild-std=std,panic_abort"),
                Map.of("RUSTC", rustc.toString()), Set.of(RustToolchain.TARGET, RustToolchain.WASI_TARGET));
    }

    private static int runs(Path machine) throws Exception {
        return Files.readAllLines(machine.resolve("runs")).size();
    }

    private static Path script(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}

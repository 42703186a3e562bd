package dev.weft.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How to run cargo for the {@code wasm32-unknown-unknown} target on this machine.
 *
 * <ul>
 *   <li>A rustup toolchain with the target installed: plain {@code cargo build --target}.
 *   <li>Debian's {@code rustc-web}, {@code cargo-web} and {@code rust-web-src}, for machines where
 *       rustup cannot download the target: the standard library is built from the packaged source,
 *       offline ({@code -Zbuild-std}), with its vendored dependencies standing in for crates.io.
 * </ul>
 */
record RustToolchain(String description, Path cargo, List<String> extraArguments, Map<String, String> environment) {

    static final String TARGET = "wasm32-unknown-unknown";

    private static final Path DEBIAN_CARGO = Path.of("/usr/bin/cargo");
    private static final Path DEBIAN_RUSTC = Path.of("/usr/bin/rustc");
    private static final Path DEBIAN_STD_VENDOR = Path.of("/usr/lib/rustlib/src/rust/library/vendor");

    static final String INSTALL_HINT = "Install one: `rustup target add " + TARGET + "`, or on Debian and Ubuntu"
            + " `apt-get install rustc-web cargo-web rust-web-src lld-22` (scripts/test.sh and"
            + " scripts/run-example.sh do this for you).";

    /** Finds a toolchain, preferring an explicitly configured cargo, then rustup's, then Debian's. */
    static RustToolchain detect(Path configuredCargo) throws ToolchainException {
        if (configuredCargo != null) {
            return new RustToolchain("cargo at " + configuredCargo, configuredCargo, List.of(), Map.of());
        }
        Path rustupCargo = rustupCargoWithTarget();
        if (rustupCargo != null) {
            return new RustToolchain("cargo with the installed " + TARGET + " target", rustupCargo, List.of(), Map.of());
        }
        if (Files.isExecutable(DEBIAN_CARGO) && Files.isExecutable(DEBIAN_RUSTC) && Files.isDirectory(DEBIAN_STD_VENDOR)) {
            Map<String, String> environment = new HashMap<>();
            // -Zbuild-std is unstable; Debian's stable rustc allows it under RUSTC_BOOTSTRAP.
            environment.put("RUSTC_BOOTSTRAP", "1");
            environment.put("RUSTC", DEBIAN_RUSTC.toString());
            environment.put("PATH", "/usr/bin" + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
            List<String> arguments = List.of(
                    "--offline",
                    "-Zbuild-std=std,panic_abort",
                    "--config", "source.crates-io.replace-with=\"vendored-std\"",
                    "--config", "source.vendored-std.directory=\"" + DEBIAN_STD_VENDOR + "\"");
            return new RustToolchain("Debian's rustc-web, building std from source offline", DEBIAN_CARGO,
                    arguments, environment);
        }
        throw new ToolchainException("No Rust toolchain that builds for " + TARGET + " was found. " + INSTALL_HINT);
    }

    /** Where Debian's wasi-libc keeps the C library that std for wasm32-wasip1 links. */
    private static final Path DEBIAN_WASI_LIBC = Path.of("/usr/lib/wasm32-wasi");

    /** The cargo release build of one crate, for its target, into a shared target folder. */
    List<String> buildCommand(Path manifest, Path targetDirectory, String target) {
        List<String> command = new ArrayList<>(List.of(
                cargo.toString(), "build", "--release",
                "--target", target,
                "--manifest-path", manifest.toString(),
                "--target-dir", targetDirectory.toString(),
                "--color", "never"));
        command.addAll(extraArguments);
        return command;
    }

    /** Environment of a build for {@code target}: Debian's std for WASI links Debian's wasi-libc. */
    Map<String, String> environment(String target) {
        if (!target.equals(TARGET) && extraArguments.contains("--offline") && Files.isDirectory(DEBIAN_WASI_LIBC)) {
            Map<String, String> withLibc = new HashMap<>(environment);
            withLibc.put("RUSTFLAGS", "-L native=" + DEBIAN_WASI_LIBC);
            return withLibc;
        }
        return environment;
    }

    /** The cargo on PATH, when the rustc beside it has the wasm target's standard library. */
    private static Path rustupCargoWithTarget() {
        Path cargo = onPath("cargo");
        Path rustc = onPath("rustc");
        if (cargo == null || rustc == null) {
            return null;
        }
        try {
            Process process = new ProcessBuilder(rustc.toString(), "--print", "sysroot").redirectErrorStream(true).start();
            String sysroot = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            Path targetLibraries = Path.of(sysroot, "lib", "rustlib", TARGET, "lib");
            if (!Files.isDirectory(targetLibraries)) {
                return null;
            }
            try (Stream<Path> libraries = Files.list(targetLibraries)) {
                return libraries.anyMatch(file -> file.getFileName().toString().startsWith("libstd-")) ? cargo : null;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Path onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, program);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** No usable toolchain. */
    static final class ToolchainException extends Exception {
        ToolchainException(String message) {
            super(message);
        }
    }
}

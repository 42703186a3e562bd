package dev.weft.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How to run cargo for the wasm targets on this machine ({@code wasm32-unknown-unknown}, and
 * {@code wasm32-wasip1} for guests that ask for it).
 *
 * <ul>
 *   <li>A rustup toolchain with the target installed: plain {@code cargo build --target}.
 *   <li>Debian's {@code rustc-web}, {@code cargo-web} and {@code rust-web-src}, for machines where
 *       rustup cannot download the target: the standard library is built from the packaged source,
 *       offline ({@code -Zbuild-std}), with its vendored dependencies standing in for crates.io.
 *       {@code wasm32-wasip1} also needs Debian's {@code wasi-libc}.
 * </ul>
 *
 * @param targets the wasm targets this toolchain can build for
 */
record RustToolchain(String description, Path cargo, List<String> extraArguments, Map<String, String> environment,
        Set<String> targets) {

    static final String TARGET = "wasm32-unknown-unknown";
    static final String WASI_TARGET = "wasm32-wasip1";

    private static final String DEBIAN_CARGO = "usr/bin/cargo";
    private static final String DEBIAN_RUSTC = "usr/bin/rustc";
    private static final String DEBIAN_STD_VENDOR = "usr/lib/rustlib/src/rust/library/vendor";
    /** Where Debian's wasi-libc keeps the C library that std for wasm32-wasip1 links. */
    private static final String DEBIAN_WASI_LIBC = "usr/lib/wasm32-wasi";

    static final String INSTALL_HINT = "Install one: `rustup target add " + TARGET + " " + WASI_TARGET + "`, or on"
            + " Debian and Ubuntu `apt-get install rustc-web cargo-web rust-web-src lld-22 wasi-libc` (scripts/test.sh"
            + " and scripts/run-example.sh do this for you).";

    /** A toolchain trusted to build every target Weft supports, such as a configured cargo. */
    RustToolchain(String description, Path cargo, List<String> extraArguments, Map<String, String> environment) {
        this(description, cargo, extraArguments, environment, Set.copyOf(RustCrate.TARGETS));
    }

    /** Finds a toolchain, preferring an explicitly configured cargo, then rustup's, then Debian's. */
    static RustToolchain detect(Path configuredCargo) throws ToolchainException {
        return detect(configuredCargo, System.getenv().getOrDefault("PATH", ""), Path.of("/"));
    }

    /**
     * The same, with the {@code PATH} to search for rustup's cargo and rustc, and the root under
     * which Debian's packages are looked for: a test controls both.
     */
    static RustToolchain detect(Path configuredCargo, String path, Path root) throws ToolchainException {
        if (configuredCargo != null) {
            return new RustToolchain("cargo at " + configuredCargo, configuredCargo, List.of(), Map.of());
        }
        Path cargo = onPath("cargo", path);
        Set<String> rustupTargets = rustupTargets(onPath("rustc", path));
        if (cargo != null && rustupTargets.contains(TARGET)) {
            return new RustToolchain("cargo with the installed " + TARGET + " target", cargo, List.of(), Map.of(),
                    rustupTargets);
        }
        Path debianCargo = root.resolve(DEBIAN_CARGO);
        Path debianRustc = root.resolve(DEBIAN_RUSTC);
        Path vendor = root.resolve(DEBIAN_STD_VENDOR);
        if (Files.isExecutable(debianCargo) && Files.isExecutable(debianRustc) && Files.isDirectory(vendor)) {
            Map<String, String> environment = new HashMap<>();
            // -Zbuild-std is unstable; Debian's stable rustc allows it under RUSTC_BOOTSTRAP.
            environment.put("RUSTC_BOOTSTRAP", "1");
            environment.put("RUSTC", debianRustc.toString());
            environment.put("PATH", debianRustc.getParent() + java.io.File.pathSeparator + path);
            List<String> arguments = List.of(
                    "--offline",
                    "-Zbuild-std=std,panic_abort",
                    "--config", "source.crates-io.replace-with=\"vendored-std\"",
                    "--config", "source.vendored-std.directory=\"" + vendor + "\"");
            Path wasiLibc = root.resolve(DEBIAN_WASI_LIBC);
            if (Files.isDirectory(wasiLibc)) {
                environment.put(WASI_LIBC_VARIABLE, wasiLibc.toString());
            }
            return new RustToolchain("Debian's rustc-web, building std from source offline", debianCargo,
                    arguments, environment, Files.isDirectory(wasiLibc) ? Set.of(TARGET, WASI_TARGET) : Set.of(TARGET));
        }
        throw new ToolchainException("No Rust toolchain that builds for " + TARGET + " was found. " + INSTALL_HINT);
    }

    /** Not passed to cargo: where {@link #environment(String)} finds wasi-libc for Debian's WASI builds. */
    private static final String WASI_LIBC_VARIABLE = "WEFT_WASI_LIBC";

    /** Why this toolchain cannot build {@code target}, or null when it can. */
    String cannotBuild(String target) {
        return targets.contains(target) ? null
                : description + " has no standard library for " + target + ". " + INSTALL_HINT;
    }

    /** The cargo release build of one crate, for its target, into a shared target folder. */
    List<String> buildCommand(Path manifest, Path targetDirectory, String target) {
        return buildCommand(manifest, targetDirectory, target, List.of());
    }

    /**
     * The same, with {@code rustcArguments} for the crate's own library: then {@code cargo rustc
     * --lib}, which passes them to that one rustc call (RUSTFLAGS would apply them to every
     * dependency, and cargo's config cannot add to the RUSTFLAGS the sysroot is given in).
     */
    List<String> buildCommand(Path manifest, Path targetDirectory, String target, List<String> rustcArguments) {
        List<String> command = new ArrayList<>(List.of(cargo.toString()));
        command.addAll(rustcArguments.isEmpty() ? List.of("build", "--release") : List.of("rustc", "--release", "--lib"));
        command.addAll(List.of(
                "--target", target,
                "--manifest-path", manifest.toString(),
                "--target-dir", targetDirectory.toString(),
                "--color", "never"));
        command.addAll(extraArguments);
        if (!rustcArguments.isEmpty()) {
            command.add("--");
            command.addAll(rustcArguments);
        }
        return command;
    }

    /**
     * Environment of a build for {@code target}: Debian's std for WASI links Debian's wasi-libc,
     * and a std built earlier is named as the sysroot. With {@code --target} given, cargo applies
     * RUSTFLAGS to the wasm code only, so build scripts and proc macros keep the host's std.
     */
    Map<String, String> environment(String target) {
        Map<String, String> cargoEnvironment = new HashMap<>(environment);
        String wasiLibc = cargoEnvironment.remove(WASI_LIBC_VARIABLE);
        String sysroot = cargoEnvironment.remove(SYSROOT_VARIABLE);
        List<String> flags = new ArrayList<>();
        if (sysroot != null) {
            flags.add("--sysroot=" + sysroot);
        }
        if (target.equals(WASI_TARGET) && wasiLibc != null) {
            flags.add("-L native=" + wasiLibc);
        }
        if (!flags.isEmpty()) {
            cargoEnvironment.put("RUSTFLAGS", String.join(" ", flags));
        }
        return Map.copyOf(cargoEnvironment);
    }

    /** Not passed to cargo: the sysroot of a std built once, see {@link StandardLibraryCache}. */
    private static final String SYSROOT_VARIABLE = "WEFT_SYSROOT";

    /** Whether each build compiles std from source ({@code -Zbuild-std}): Debian's route. */
    boolean buildsStandardLibrary() {
        return extraArguments.stream().anyMatch(argument -> argument.startsWith("-Zbuild-std"));
    }

    /**
     * This toolchain, linking the std of {@code sysroot} instead of building it: without
     * {@code -Zbuild-std} and the source replacement that fed it std's vendored dependencies.
     */
    RustToolchain withStandardLibrary(Path sysroot) {
        Map<String, String> withSysroot = new HashMap<>(environment);
        withSysroot.put(SYSROOT_VARIABLE, sysroot.toString());
        return new RustToolchain(description + "; std is built once and kept in " + sysroot, cargo,
                extraArguments.contains("--offline") ? List.of("--offline") : List.of(), Map.copyOf(withSysroot),
                targets);
    }

    /** This toolchain, passing {@code arguments} to cargo too. */
    RustToolchain withArguments(List<String> arguments) {
        List<String> all = new ArrayList<>(extraArguments);
        all.addAll(arguments);
        return new RustToolchain(description, cargo, List.copyOf(all), environment, targets);
    }

    /** The wasm targets whose standard library the rustc's sysroot holds; none without a rustc. */
    private static Set<String> rustupTargets(Path rustc) {
        if (rustc == null) {
            return Set.of();
        }
        try {
            Process process = new ProcessBuilder(rustc.toString(), "--print", "sysroot").redirectErrorStream(true).start();
            String sysroot = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Set.of();
            }
            Set<String> targets = new HashSet<>();
            for (String target : RustCrate.TARGETS) {
                Path libraries = Path.of(sysroot, "lib", "rustlib", target, "lib");
                if (Files.isDirectory(libraries)) {
                    try (Stream<Path> files = Files.list(libraries)) {
                        if (files.anyMatch(file -> file.getFileName().toString().startsWith("libstd-"))) {
                            targets.add(target);
                        }
                    }
                }
            }
            return Set.copyOf(targets);
        } catch (IOException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    private static Path onPath(String program, String path) {
        for (String directory : path.split(java.io.File.pathSeparator)) {
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

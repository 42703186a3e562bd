package dev.weft.maven;

import dev.weft.wasm.abi.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.Log;

/**
 * Rust's standard library built for a wasm target from source (Debian's route, {@code
 * -Zbuild-std}), kept in the {@link SharedCache} as a sysroot that guest builds name with {@code
 * --sysroot}, as rustup's prebuilt one would be. Building it takes 40 s or more; kept in {@code
 * target/}, every {@code mvn clean} paid that again.
 *
 * <p>One sysroot per rustc (its {@code -vV}, which names its commit) and per way of building std,
 * holding a {@code lib/rustlib/<target>/lib} folder per target, each built the first time a guest
 * needs it. std is compiled at {@code opt-level=3} with {@code panic=abort}, and with LLVM bitcode
 * beside the machine code, so that guests link it with or without LTO.
 */
final class StandardLibraryCache {

    /** Changes when the way std is built here changes, so that older entries are not taken. */
    private static final String LAYOUT = "1";
    private static final String PROFILE = """
            [profile.release]
            opt-level = 3
            codegen-units = 1
            panic = "abort"
            """;

    private final Path cacheDirectory;
    private final Log log;

    StandardLibraryCache(Path cacheDirectory, Log log) {
        this.cacheDirectory = cacheDirectory;
        this.log = log;
    }

    /**
     * The toolchain to build guests for {@code target} with: {@code toolchain} itself when it has a
     * standard library already, else one that links the cached std, which is built now if missing.
     */
    RustToolchain prebuilt(RustToolchain toolchain, String target) throws IOException, InterruptedException,
            StdBuildException {
        if (!toolchain.buildsStandardLibrary()) {
            return toolchain;
        }
        Path sysroot = cacheDirectory.resolve("rust-std").resolve(key(toolchain));
        Path libraries = sysroot.resolve("lib/rustlib").resolve(target).resolve("lib");
        if (!Files.isDirectory(libraries)) {
            build(toolchain, target, libraries);
        }
        return toolchain.withStandardLibrary(sysroot);
    }

    private void build(RustToolchain toolchain, String target, Path libraries) throws IOException,
            InterruptedException, StdBuildException {
        log.info("Building Rust's standard library for " + target + " once, into " + libraries.getParent()
                + " (kept across mvn clean; delete the folder to rebuild it)");
        long started = System.nanoTime();
        Path work = SharedCache.temporaryFor(libraries);
        try {
            Path crate = work.resolve("crate");
            Files.createDirectories(crate.resolve("src"));
            Files.writeString(crate.resolve("Cargo.toml"), """
                    [package]
                    name = "weft-std"
                    version = "0.0.0"
                    edition = "2024"

                    [workspace]

                    """ + PROFILE);
            Files.writeString(crate.resolve("src/lib.rs"), "#![no_std]\n");
            List<String> command = toolchain.buildCommand(crate.resolve("Cargo.toml"), work.resolve("target"), target);
            ProcessBuilder process = new ProcessBuilder(command).directory(crate.toFile()).redirectErrorStream(true);
            Map<String, String> environment = new HashMap<>(toolchain.environment(target));
            // Bitcode beside the code: cargo leaves it out of a library built without LTO, but
            // guests that use LTO (as Weft's own do) need it in std.
            environment.merge("RUSTFLAGS", "-C embed-bitcode=yes", (flags, more) -> flags + " " + more);
            process.environment().putAll(environment);
            Process cargo = process.start();
            String output = new String(cargo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (cargo.waitFor() != 0) {
                throw new StdBuildException("Building Rust's standard library for " + target + " failed:\n"
                        + output.strip());
            }
            Path built = SharedCache.temporaryFor(libraries);
            try (Stream<Path> files = Files.list(work.resolve("target").resolve(target).resolve("release/deps"))) {
                for (Path rlib : files.filter(StandardLibraryCache::isStandardLibrary).toList()) {
                    Files.copy(rlib, built.resolve(rlib.getFileName()));
                }
            }
            SharedCache.publish(built, libraries);
        } finally {
            FileTrees.delete(work);
        }
        log.info("Built Rust's standard library for " + target + " in " + (System.nanoTime() - started) / 1_000_000
                + " ms");
    }

    /** A hash of what decides std's code: rustc's version and commit, how it is built, and the layout. */
    private static String key(RustToolchain toolchain) throws IOException, InterruptedException, StdBuildException {
        MessageDigest digest = Sha256.digest();
        for (String part : List.of(LAYOUT, rustcVersion(toolchain), String.join(" ", toolchain.extraArguments()), PROFILE)) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return Sha256.hex(digest).substring(0, 16);
    }

    private static String rustcVersion(RustToolchain toolchain) throws IOException, InterruptedException,
            StdBuildException {
        String rustc = toolchain.environment().getOrDefault("RUSTC", "rustc");
        List<String> command = new ArrayList<>(List.of(rustc, "-vV"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new StdBuildException("`" + rustc + " -vV` failed: " + output.strip());
        }
        return output;
    }

    /** The rlibs cargo wrote for std and its dependencies, not the placeholder crate's own. */
    private static boolean isStandardLibrary(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".rlib") && !name.startsWith("libweft_std-");
    }

    /** std could not be built: cargo's words. */
    static final class StdBuildException extends Exception {
        StdBuildException(String message) {
            super(message);
        }
    }
}

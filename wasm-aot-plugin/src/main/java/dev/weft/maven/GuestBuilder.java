package dev.weft.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Builds the Rust guest crates of a folder with cargo, skipping a crate whose sources did not
 * change since its last build. Shared by the goals that compile modules and that only build them.
 */
final class GuestBuilder {

    private final Path cargoTargetDirectory;
    private final Path fingerprints;
    private final Path configuredCargo;
    private final Path cacheDirectory;
    private final StandardLibraryCache standardLibraries;
    private final Log log;
    private RustToolchain toolchain;
    private Path guestSdk;
    private boolean announced;

    /** {@code cacheDirectory}: the {@link SharedCache}, for std built for wasm and the guest SDK. */
    GuestBuilder(Path cargoTargetDirectory, Path workDirectory, Path configuredCargo, Path cacheDirectory, Log log) {
        this.cargoTargetDirectory = cargoTargetDirectory;
        this.fingerprints = workDirectory.resolve("fingerprints");
        this.configuredCargo = configuredCargo;
        this.cacheDirectory = cacheDirectory;
        this.standardLibraries = new StandardLibraryCache(cacheDirectory, log);
        this.log = log;
    }

    /**
     * The crates of {@code rustDirectory}: each folder with a Cargo.toml, in name order. Two crates
     * that would write the same .wasm into the shared cargo target folder are refused: the second
     * build would silently overwrite the first one's module.
     */
    static List<RustCrate> crates(Path rustDirectory) throws IOException, MojoFailureException {
        List<RustCrate> crates = new ArrayList<>();
        Map<String, RustCrate> byOutput = new HashMap<>();
        for (Path directory : list(rustDirectory)) {
            if (Files.isRegularFile(directory.resolve("Cargo.toml"))) {
                RustCrate crate = RustCrate.read(directory);
                RustCrate other = byOutput.putIfAbsent(crate.target() + "/" + crate.libraryName(), crate);
                if (other != null) {
                    throw new MojoFailureException("Rust crates '" + other.module() + "' and '" + crate.module() + "' (in "
                            + rustDirectory + ") both build library '" + crate.libraryName() + "' for " + crate.target()
                            + ", so one .wasm would overwrite the other's in the shared cargo target folder;"
                            + " give one of them another [package] or [lib] name");
                }
                crates.add(crate);
            }
        }
        return crates;
    }

    /** The entries of a folder, in name order; none when it does not exist. */
    static List<Path> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        }
    }

    /** The crate's .wasm, built now unless its fingerprint matches the last build's and the .wasm is still there. */
    Path buildIfChanged(RustCrate crate) throws IOException, InterruptedException, MojoFailureException {
        Path wasm = crate.output(cargoTargetDirectory);
        Path stamp = fingerprints.resolve(stampName(crate));
        RustToolchain toolchain = toolchain(crate);
        // Another cargo, other flags or another std (RUSTFLAGS' sysroot) may build other code from
        // the same sources; the guest SDK's folder, in the arguments, is named after its files' hash.
        String toolchainInputs = toolchain.cargo() + " " + toolchain.extraArguments() + " "
                + toolchain.environment(crate.target()).getOrDefault("RUSTFLAGS", "");
        String fingerprint = SourceFingerprint.of(crate, toolchainInputs);
        if (Files.isRegularFile(wasm) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(fingerprint)) {
            log.info("Rust crate '" + crate.module() + "' is up to date");
            return wasm;
        }
        if (!announced) {
            log.info("Building Rust guests with " + toolchain.description());
            announced = true;
        }
        log.info("Building Rust crate '" + crate.module() + "' with cargo (release, " + crate.target() + ")");
        long started = System.nanoTime();
        Files.deleteIfExists(stamp);
        try {
            new CargoBuild(toolchain, cargoTargetDirectory).build(crate);
        } catch (CargoBuild.CargoException e) {
            throw new MojoFailureException(e.getMessage());
        }
        Files.createDirectories(stamp.getParent());
        // Taken again: cargo writes Cargo.lock on a crate's first build, and it is part of the fingerprint.
        Files.writeString(stamp, SourceFingerprint.of(crate, toolchainInputs));
        log.info("Built Rust crate '" + crate.module() + "' in " + (System.nanoTime() - started) / 1_000_000 + " ms ("
                + (Files.size(wasm) + 1023) / 1024 + " KiB of wasm)");
        return wasm;
    }

    /**
     * The toolchain for {@code crate}: found once, checked for the crate's target, linking the
     * cached std where the toolchain has none of its own, and resolving {@code weft-guest} to the
     * SDK this plugin ships.
     */
    private RustToolchain toolchain(RustCrate crate) throws MojoFailureException, IOException, InterruptedException {
        if (toolchain == null) {
            try {
                toolchain = RustToolchain.detect(configuredCargo);
            } catch (RustToolchain.ToolchainException e) {
                throw new MojoFailureException("Cannot build Rust crate '" + crate.module() + "': " + e.getMessage());
            }
        }
        String missing = toolchain.cannotBuild(crate.target());
        if (missing != null) {
            throw new MojoFailureException("Cannot build Rust crate '" + crate.module() + "': " + missing);
        }
        try {
            return standardLibraries.prebuilt(toolchain, crate.target()).withArguments(guestSdkArguments());
        } catch (StandardLibraryCache.StdBuildException e) {
            throw new MojoFailureException("Cannot build Rust crate '" + crate.module() + "': " + e.getMessage());
        }
    }

    /** cargo's arguments that make {@code weft-guest = "..."} the SDK shipped in this plugin. */
    List<String> guestSdkArguments() throws IOException {
        if (guestSdk == null) {
            guestSdk = GuestSdk.unpack(cacheDirectory);
        }
        return GuestSdk.patchArguments(guestSdk);
    }

    /** Named after the module and its folder, so that two folders with one module name keep apart. */
    private static String stampName(RustCrate crate) {
        int folder = crate.directory().toAbsolutePath().normalize().toString().hashCode();
        return crate.module() + "-" + Integer.toHexString(folder) + ".sha256";
    }
}

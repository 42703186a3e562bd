package dev.weft.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs cargo for one crate and hands back the .wasm it wrote, or cargo's own words on failure. */
final class CargoBuild {

    private final RustToolchain toolchain;
    private final Path targetDirectory;

    CargoBuild(RustToolchain toolchain, Path targetDirectory) {
        this.toolchain = toolchain;
        this.targetDirectory = targetDirectory;
    }

    Path build(RustCrate crate) throws CargoException, IOException, InterruptedException {
        List<String> command = toolchain.buildCommand(crate.manifest(), targetDirectory, crate.target(), crate.rustcArguments());
        ProcessBuilder process = new ProcessBuilder(command)
                .directory(crate.directory().toFile())
                .redirectErrorStream(true);
        process.environment().putAll(toolchain.environment(crate.target()));
        Process cargo = process.start();
        // cargo writes its progress and its errors to stderr, merged into this one stream.
        String output = new String(cargo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = cargo.waitFor();
        if (exit != 0) {
            throw new CargoException(crate, exit, output);
        }
        Path wasm = crate.output(targetDirectory);
        if (!Files.isRegularFile(wasm)) {
            throw new CargoException(crate, exit, output + "\ncargo succeeded but wrote no " + wasm
                    + "; is the crate a cdylib ([lib] crate-type = [\"cdylib\"])?");
        }
        return wasm;
    }

    /** cargo failed; the message names the crate and carries cargo's output. */
    static final class CargoException extends Exception {
        CargoException(RustCrate crate, int exit, String output) {
            super("Rust crate '" + crate.module() + "' (" + crate.directory() + ") failed to build (cargo exit "
                    + exit + "):\n" + output.strip());
        }
    }
}

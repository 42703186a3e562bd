package dev.weft.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the Rust guest crates of a folder to {@code .wasm} files, and stops there: no bytecode,
 * nothing added to the project. It makes the files a running server's hot-reload folder takes
 * ({@code weft.wasm.hot-reload.directory}): one {@code <module>.wasm} per crate, named after the
 * crate's folder.
 */
@Mojo(name = "wasm", threadSafe = true)
public class BuildWasmMojo extends AbstractMojo {

    /** Folder of the Rust guest crates, one sub-folder per module. */
    @Parameter(property = "weft.wasm.rustDirectory", defaultValue = "${project.basedir}/src/main/rust")
    File rustDirectory;

    /** Where the {@code <module>.wasm} files go. */
    @Parameter(property = "weft.wasm.outputDirectory", defaultValue = "${project.build.directory}/wasm")
    File outputDirectory;

    /** A cargo to use instead of the one Weft finds. */
    @Parameter(property = "weft.wasm.cargo")
    File cargo;

    /** cargo's target folder, shared with the compile goal so that the standard library is built once. */
    @Parameter(defaultValue = "${project.build.directory}/cargo")
    File cargoTargetDirectory;

    @Parameter(defaultValue = "${project.build.directory}/weft-wasm")
    File workDirectory;

    @Parameter(property = "weft.wasm.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wasm modules (weft.wasm.skip)");
            return;
        }
        GuestBuilder builder = new GuestBuilder(cargoTargetDirectory.toPath(), workDirectory.toPath(),
                cargo == null ? null : cargo.toPath(), getLog());
        try {
            Files.createDirectories(outputDirectory.toPath());
            for (RustCrate crate : GuestBuilder.crates(rustDirectory.toPath())) {
                Path wasm = builder.buildIfChanged(crate);
                Path target = outputDirectory.toPath().resolve(crate.module() + ".wasm");
                Files.copy(wasm, target, StandardCopyOption.REPLACE_EXISTING);
                getLog().info("Wrote " + target);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Building wasm modules failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while building wasm modules", e);
        }
    }
}

package dev.weft.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
public class BuildWasmMojo extends AbstractGuestMojo {

    /** Where the {@code <module>.wasm} files go. */
    @Parameter(property = "weft.wasm.outputDirectory", defaultValue = "${project.build.directory}/wasm")
    File outputDirectory;

    @Override
    void buildModules() throws IOException, InterruptedException, MojoFailureException {
        GuestBuilder builder = guestBuilder();
        Files.createDirectories(outputDirectory.toPath());
        for (RustCrate crate : GuestBuilder.crates(rustDirectory.toPath())) {
            Path wasm = builder.buildIfChanged(crate);
            Path target = outputDirectory.toPath().resolve(crate.module() + ".wasm");
            Files.copy(wasm, target, StandardCopyOption.REPLACE_EXISTING);
            getLog().info("Wrote " + target);
        }
    }
}

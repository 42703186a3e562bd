package dev.weft.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What both goals need to build Rust guests: where the crates are, which cargo, where it works. */
abstract class AbstractGuestMojo extends AbstractMojo {

    /** Folder of the Rust guest crates, one sub-folder per module. */
    @Parameter(property = "weft.wasm.rustDirectory", defaultValue = "${project.basedir}/src/main/rust")
    File rustDirectory;

    /** A cargo to use instead of the one Weft finds (rustup's with the wasm target, or Debian's). */
    @Parameter(property = "weft.wasm.cargo")
    File cargo;

    /** cargo's target folder, shared by all crates and goals so that the standard library is built once. */
    @Parameter(defaultValue = "${project.build.directory}/cargo")
    File cargoTargetDirectory;

    /** Where the fingerprints of built crates are kept between builds. */
    @Parameter(defaultValue = "${project.build.directory}/weft-wasm")
    File workDirectory;

    /**
     * Weft's cache outside {@code target/}, shared by projects and kept across {@code mvn clean}:
     * Rust's standard library built for wasm (Debian's route) and the unpacked guest SDK. Empty:
     * {@code $XDG_CACHE_HOME/weft}, or {@code ~/.cache/weft}.
     */
    @Parameter(property = "weft.cacheDirectory")
    File cacheDirectory;

    @Parameter(property = "weft.wasm.skip", defaultValue = "false")
    boolean skip;

    /**
     * Honours {@code weft.wasm.skip}, refuses a Java older than 21 in one line, then runs the
     * goal's work and turns what it throws into Maven's two kinds of failure: the project's fault
     * (a bad crate or module name) fails the build with the message; I/O trouble is an execution
     * error.
     */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wasm modules (weft.wasm.skip)");
            return;
        }
        RequiredJava.check();
        try {
            buildModules();
        } catch (IOException e) {
            throw new MojoExecutionException("Building wasm modules failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while building wasm modules", e);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** The goal's own work. */
    abstract void buildModules() throws IOException, InterruptedException, MojoExecutionException, MojoFailureException;

    Path cacheDirectory() {
        return cacheDirectory == null ? SharedCache.defaultDirectory() : cacheDirectory.toPath();
    }

    GuestBuilder guestBuilder() {
        return new GuestBuilder(cargoTargetDirectory.toPath(), workDirectory.toPath(),
                cargo == null ? null : cargo.toPath(), cacheDirectory(), getLog());
    }
}

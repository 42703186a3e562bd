package dev.weft.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
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

    @Parameter(property = "weft.wasm.skip", defaultValue = "false")
    boolean skip;

    GuestBuilder guestBuilder() {
        return new GuestBuilder(cargoTargetDirectory.toPath(), workDirectory.toPath(),
                cargo == null ? null : cargo.toPath(), getLog());
    }
}

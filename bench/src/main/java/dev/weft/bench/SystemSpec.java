package dev.weft.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * One benchmarked server, as the systems files describe it (bench/systems.properties).
 *
 * @param start the shell command that starts it; it execs the server and reads the port from
 *     {@code PORT}
 * @param version the shell command that prints its versions on one line
 * @param prefix prepended to the benchmark routes, e.g. {@code /java} for {@code /java/matmul}
 * @param artifacts what the application ships, for the artefact size
 * @param artifactExcludes parts of those left out of the size (a runtime that npm installs, say)
 * @param artifactPackages Debian packages whose installed files count too (what the app runs on
 *     when its libraries come from Debian rather than from a folder of its own)
 */
public record SystemSpec(
        String id,
        String name,
        Path dir,
        String start,
        String version,
        String prefix,
        List<Path> artifacts,
        List<Path> artifactExcludes,
        List<String> artifactPackages) {

    /** The path of one of the benchmark routes on this system, e.g. {@code /java/matmul}. */
    public String route(String route) {
        return prefix + route;
    }
}

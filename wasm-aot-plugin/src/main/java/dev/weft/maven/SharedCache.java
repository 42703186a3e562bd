package dev.weft.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Weft's cache outside a project's {@code target/}, kept across {@code mvn clean} and shared by
 * every project and build of the machine: the standard library built for wasm, and the unpacked
 * guest SDK. An entry is written under a temporary name and renamed into place, so a build never
 * sees half of one, and two builds filling the same entry at once both end up using one of them.
 */
final class SharedCache {

    private SharedCache() {}

    /** {@code $XDG_CACHE_HOME/weft}, or {@code ~/.cache/weft}. */
    static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("weft");
    }

    /** A fresh folder beside {@code entry}, to fill and then {@link #publish}. */
    static Path temporaryFor(Path entry) throws IOException {
        Files.createDirectories(entry.getParent());
        return Files.createTempDirectory(entry.getParent(), "." + entry.getFileName() + "-");
    }

    /**
     * Renames the filled {@code temporary} folder to {@code entry}. When another build published
     * the entry first, that one is kept and {@code temporary} is removed: both hold the same thing.
     */
    static void publish(Path temporary, Path entry) throws IOException {
        try {
            Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Linux refuses to rename onto a folder that is not empty with ENOTEMPTY, which Java
            // reports as a plain FileSystemException: whether the entry exists is what tells.
            if (!Files.isDirectory(entry)) {
                throw e;
            }
            FileTrees.delete(temporary);
        }
    }
}

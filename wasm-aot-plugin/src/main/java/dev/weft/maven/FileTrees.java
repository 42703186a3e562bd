package dev.weft.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a folder and everything under it, which the JDK has no single call for. */
final class FileTrees {

    private FileTrees() {}

    /**
     * Deletes {@code tree} (a folder or a file) with all it holds; nothing when it does not exist.
     * Read-only files, as jlink writes some, are made writable first.
     */
    static void delete(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                path.toFile().setWritable(true);
                Files.delete(path);
            }
        }
    }
}

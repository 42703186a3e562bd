package dev.weft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/** The size of what a system ships (its systems-file artifacts), in bytes of regular files; links are not followed. */
public final class Artifacts {

    /**
     * @param bytes without the excluded paths (e.g. the Bun runtime inside node_modules)
     * @param bytesWithExcluded with them
     */
    public record Size(long bytes, long bytesWithExcluded) {}

    private Artifacts() {}

    public static Size measure(SystemSpec spec) throws IOException {
        long all = 0;
        long kept = 0;
        for (Path artifact : spec.artifacts()) {
            if (!Files.exists(artifact, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(spec.id() + ": artifact " + artifact + " does not exist (not built?)");
            }
            try (Stream<Path> files = Files.walk(artifact)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    long size = regularFileSize(file);
                    all += size;
                    if (!excluded(file, spec.artifactExcludes())) {
                        kept += size;
                    }
                }
            }
        }
        return new Size(kept, all);
    }

    private static long regularFileSize(Path file) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? attributes.size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean excluded(Path file, List<Path> excludes) {
        return excludes.stream().anyMatch(file::startsWith);
    }
}
